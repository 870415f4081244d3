import type { InventoryRegisterData } from './inventory-register';

const stages = ['Deployment', 'Operation and monitoring', 'Design and development', 'Re-evaluation'];
const classes = ['High-risk', 'Limited risk (transparency duties)', 'Minimal risk', 'Not yet classified'];
const responsibilities =
  'We: providing data, giving transparency information to users, ensuring human oversight. Supplier: ' +
  'developing or fine-tuning the model, handling incidents. Shared: deploying the system, monitoring performance.';

/** A register of 24 systems for the register's tests and for looking at it: suppliers in three scripts. */
export function realisticRegisterData(): InventoryRegisterData {
  return {
    generatedAt: '2026-12-06T12:00:00.000Z',
    organisation: 'Ørsted Trading GmbH',
    systems: Array.from({ length: 24 }, (_, i) => ({
      name:
        i === 2
          ? 'مساعد خدمة العملاء'
          : `System ${i + 1}: ${['contract summariser', 'CV screening', 'chat assistant', 'fraud scoring'][i % 4]}`,
      purpose:
        i % 3 === 0
          ? 'Summarises supplier contracts for the legal team and flags clauses on liability, data protection and termination that differ from our standard terms.'
          : 'Drafts replies to customer e-mails for review by an agent.',
      owner: ['Legal', 'HR', 'Customer service', 'Finance'][i % 4]!,
      lifecycleStage: stages[i % 4]!,
      euAiActClass: classes[i % 4]!,
      orgRole: i % 5 === 0 ? 'Provider' : 'Deployer',
      suppliers:
        i % 6 === 5
          ? []
          : [
              { vendor: '深度求索 (DeepSeek)', service: 'DeepSeek Chat', tier: 'high', responsibilities },
              ...(i % 2 === 0
                ? [{ vendor: 'Société Générale Ølberg', service: null, tier: null, responsibilities }]
                : []),
            ],
      nextReviewOn: i % 4 === 3 ? null : `2027-0${(i % 9) + 1}-15`,
      dueForReview: i % 7 === 0,
    })),
  };
}
