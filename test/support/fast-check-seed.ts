import fc from 'fast-check';

// Seeded, so a failing run replays: FC_SEED=<seed printed in the failure> npm test.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261128), numRuns: 5000 });
