// The documented setup: the entry registers the matchers and the snapshot serializer.
export default { test: { setupFiles: ['localtrail/vitest'] } };
