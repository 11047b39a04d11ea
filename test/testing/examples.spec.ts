// Runs the documentation example (examples/ is outside vitest's include) so it cannot rot.
import '../../examples/testing-with-vitest.spec.js';
