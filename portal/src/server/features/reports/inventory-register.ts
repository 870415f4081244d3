import { colours, ReportDocument } from './report-document';
import { drawTable } from './report-table';

/** The AI system inventory as the register prints it, already in words. */
export type InventoryRegisterData = {
  generatedAt: string;
  organisation: string;
  systems: RegisterSystem[];
};

export type RegisterSystem = {
  name: string;
  purpose: string;
  owner: string;
  lifecycleStage: string;
  euAiActClass: string;
  orgRole: string;
  suppliers: { vendor: string; service: string | null; tier: string | null; responsibilities: string }[];
  nextReviewOn: string | null;
  dueForReview: boolean;
};

/**
 * The register of AI systems (ISO/IEC 42001 A.4, EU AI Act roles and classes) on landscape pages:
 * one row per system, its suppliers with their tier and who does what. Pure: data in, bytes out.
 */
export async function renderInventoryRegister(data: InventoryRegisterData): Promise<Uint8Array> {
  const generated = `${data.generatedAt.slice(0, 16).replace('T', ' ')} UTC`;
  const doc = await ReportDocument.create(
    {
      title: `AI system register: ${data.organisation}`,
      runningHeader: `${data.organisation} · AI system register`,
      runningFooter: `Generated ${generated} · ${data.systems.length} systems`,
      landscape: true,
    },
    [JSON.stringify(data)],
  );
  doc.paragraph('AI system register', { size: 18, bold: true, colour: colours.accent, gapAfter: 2 });
  doc.paragraph(`${data.organisation} · ${data.systems.length} systems · generated ${generated}`, {
    size: 9.5,
    colour: colours.muted,
    gapAfter: 10,
  });
  if (data.systems.length === 0) {
    doc.paragraph('The inventory holds no AI systems yet.', { colour: colours.muted });
    return doc.save();
  }
  drawTable(
    doc,
    [
      { header: 'System', share: 0.12 },
      { header: 'Purpose', share: 0.2 },
      { header: 'Owner', share: 0.09 },
      { header: 'Lifecycle stage', share: 0.09 },
      { header: 'EU AI Act class, our role', share: 0.11 },
      { header: 'Suppliers (tier): responsibilities', share: 0.3 },
      { header: 'Next review', share: 0.09 },
    ],
    data.systems.map((s) => [
      s.name,
      s.purpose,
      s.owner,
      s.lifecycleStage,
      `${s.euAiActClass}; ${s.orgRole}`,
      s.suppliers.length === 0
        ? 'None recorded'
        : s.suppliers
            .map(
              (p) =>
                `${p.vendor}${p.service ? `, ${p.service}` : ''} (${p.tier ? `risk tier ${p.tier}` : 'no tier yet'})\n${p.responsibilities}`,
            )
            .join('\n\n'),
      s.nextReviewOn ? `${s.nextReviewOn}${s.dueForReview ? ' (due)' : ''}` : 'Not set',
    ]),
  );
  return doc.save();
}
