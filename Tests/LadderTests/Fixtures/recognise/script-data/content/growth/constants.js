// @flow
import * as d3 from 'd3'

export type Milestone = 0 | 1 | 2 | 3 | 4

export const BEGINNER = 'Learning:'
const ADVANCED = "Leading:"

export const milestones = [0, 1, 2, 3, 4];

export const milestoneToPoints = (milestone: Milestone): number => {
  switch (milestone) { case 0: return 0; default: return milestone * 2 }
}

export const tracks: Tracks = {
  "MOBILE": {
    displayName: "Mobile",
    category: 'A',
    description: `Develops expertise in native mobile platform engineering`,
    milestones: [{
      summary: BEGINNER + " works effectively within established iOS or Android architectures",
      signals: ["Delivers features requiring simple local modifications", 'Adds simple actions that call server endpoints'],
      examples: ["Added share buttons"],
    }, {
      summary: "Works effectively within established mobile architectures, following best practices",
      signals: ["Delivers features requiring more complex changes"],
      examples: ["Upgraded the SDK"],
    }, {
      summary: ADVANCED + " designs major new features and shares knowledge",
      signals: ["Defines long-term goals for the mobile code"],
      examples: ["Designed the offline mode"],
    }],
  },
  WEB: {
    displayName: "Web client",
    category: "A",
    description: "Develops expertise in web client technologies",
    milestones: [
      { summary: "Works effectively within established web client architectures", signals: ["Makes minor changes to CSS"], examples: ["Fixed a layout bug"] },
      { summary: "Develops new instances of existing architecture", signals: ["Builds small pages"], examples: ["Built the settings page"] },
      { summary: "Designs major new features and demonstrates a nuanced understanding of browsers", signals: ["Mentors others on the web stack"], examples: ["Designed the new editor"] },
    ],
  },
}

export const trackIds: TrackId[] = Object.keys(tracks)
