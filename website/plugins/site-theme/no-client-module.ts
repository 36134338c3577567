// Stands in for a theme's client module that the site does without (./index.ts).
export {};
