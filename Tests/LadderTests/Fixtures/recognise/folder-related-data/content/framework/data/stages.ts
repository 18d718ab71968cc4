// The stages of the framework, in order.
export const Stages: readonly Stage[] = [
  { code: "novice", title: "Novice", rank: 1 },
  { code: "practitioner", title: "Practitioner", rank: 2 },
  { code: "leader", title: "Leader", rank: 3 },
] as const;
