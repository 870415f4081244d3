import { type TagFramework, type Template, tagFrameworks } from './template-schema';

/** Whose control an entry describes: ours, or the vendor's (for us, evidence under A.10.3). */
export type ControlOwner = 'ours' | 'vendor';
export type CrosswalkEntry = {
  framework: TagFramework;
  item: string;
  /** ISO/IEC 42001 entries only; a law's article says itself whose duty it is. */
  whose: ControlOwner | null;
  questionIds: string[];
};

export const frameworkLabels: Record<TagFramework, string> = {
  iso42001: 'ISO/IEC 42001 (our controls)',
  iso42001Vendor: "ISO/IEC 42001 (the vendor's controls, evidence for us under A.10.3)",
  euAiAct: 'EU AI Act',
  gdpr: 'GDPR',
  dora: 'DORA',
  nis2: 'NIS2',
  dataAct: 'Data Act',
  iso27001: 'ISO/IEC 27001:2022',
};

export const controlOwnerLabels: Record<ControlOwner, string> = {
  ours: 'our control',
  vendor: "the vendor's control; for us, evidence under A.10.3",
};

/**
 * Framework item → the questions that give evidence for it, for the report's crosswalk table.
 * Pass `onlyQuestionIds` to limit it to what was asked (the visible questions of one assessment).
 */
export function crosswalk(template: Template, onlyQuestionIds?: ReadonlySet<string>): CrosswalkEntry[] {
  const byKey = new Map<string, CrosswalkEntry>();
  for (const section of template.sections) {
    for (const question of section.questions) {
      if (onlyQuestionIds && !onlyQuestionIds.has(question.id)) continue;
      for (const framework of tagFrameworks) {
        for (const item of question.tags[framework] ?? []) {
          const key = `${framework} ${item}`;
          const whose = framework === 'iso42001Vendor' ? 'vendor' : framework === 'iso42001' ? 'ours' : null;
          const entry = byKey.get(key) ?? { framework, item, whose, questionIds: [] };
          if (!entry.questionIds.includes(question.id)) entry.questionIds.push(question.id);
          byKey.set(key, entry);
        }
      }
    }
  }
  return [...byKey.values()].sort(
    (a, b) =>
      tagFrameworks.indexOf(a.framework) - tagFrameworks.indexOf(b.framework) || compareItems(a.item, b.item),
  );
}

/** Number by number, so A.5.2 sorts before A.5.19, Art. 5 before Art. 28, and clause 8.1 before Annex A. */
export function compareItems(a: string, b: string): number {
  const pa = a.match(/\d+|[^\d]+/g) ?? [];
  const pb = b.match(/\d+|[^\d]+/g) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = Number(x);
    const ny = Number(y);
    const diff = Number.isNaN(nx) || Number.isNaN(ny) ? (x < y ? -1 : x > y ? 1 : 0) : nx - ny;
    if (diff !== 0) return diff;
  }
  return 0;
}
