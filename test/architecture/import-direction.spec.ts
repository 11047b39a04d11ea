// The import direction of src/: from a layer to the layers below it, never up, never in a circle between folders.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImportDirection, readImportGraph } from './import-graph.js';
import type { ImportEdge } from './import-graph.js';
import { LAYERS } from './layers.js';

const src = fileURLToPath(new URL('../../src', import.meta.url));
const graph = readImportGraph(src);

describe('import direction', () => {
  it('src/ imports run one way: down the layers, no circle between folders', () => {
    expect(graph.length).toBeGreaterThan(100);
    expect(checkImportDirection(graph, LAYERS)).toEqual([]);
  });

  it('reads type-only, re-exported and dynamic imports as dependencies too', () => {
    const edges = (from: string): string[] => graph.filter((e) => e.from === from).map((e) => e.to);
    // `import type { CloudTrailRecord } from '../vocabulary/record.js'` is its only link to the vocabulary.
    expect(edges('catalog/resources.ts')).toContain('vocabulary/record.ts');
    // `export { S3Sink } from './delivery/sinks/s3-sink.js'`
    expect(edges('s3.ts')).toEqual(expect.arrayContaining(['delivery/sinks/s3-sink.ts', 'validation/s3-source.ts']));
  });
});

describe('the checker fails when an arrow runs back up', () => {
  const withEdge = (edge: ImportEdge): string[] => checkImportDirection([...graph, edge], LAYERS);

  it('reports an import from a lower layer up, naming both files and layers', () => {
    expect(withEdge({ from: 'catalog/resources.ts', to: 'event/build-record.ts' })).toEqual([
      'catalog/resources.ts imports event/build-record.ts: ground may not import event, a layer above it',
      // event imports the catalog, so the arrow back also closes a circle.
      expect.stringMatching(/^folders import each other in a circle: catalog, event \(.*catalog\/resources\.ts → event\/build-record\.ts/),
    ]);
    expect(withEdge({ from: 'recorder/recorder.ts', to: 'localtrail-options.ts' })).toContainEqual(
      'recorder/recorder.ts imports localtrail-options.ts: recorder may not import facade, a layer above it',
    );
    expect(withEdge({ from: 'integrity/digest-chain.ts', to: 'delivery/sink.ts' })[0]).toBe(
      'integrity/digest-chain.ts imports delivery/sink.ts: integrity may not import delivery, a layer above it',
    );
  });

  it('reports folders of one layer that import each other in a circle', () => {
    const edges: ImportEdge[] = [
      { from: 'testing/a.ts', to: 'cli/b.ts' },
      { from: 'cli/b.ts', to: 'validation/c.ts' },
      { from: 'validation/c.ts', to: 'testing/d.ts' },
      { from: 'validation/c.ts', to: 'vocabulary/record.ts' },
    ];
    expect(checkImportDirection(edges, LAYERS)).toEqual([
      'folders import each other in a circle: cli, testing, validation (testing/a.ts → cli/b.ts; cli/b.ts → validation/c.ts; validation/c.ts → testing/d.ts)',
    ]);
  });

  it('reports a folder no layer names, so a new folder has to take its place', () => {
    expect(checkImportDirection([{ from: 'attic/thing.ts', to: 'engine/trail-engine.ts' }], LAYERS)).toEqual([
      'src/attic is in no layer: add it to test/architecture/layers.ts and docs/architecture.md',
    ]);
  });
});

describe('docs/architecture.md', () => {
  it('draws the layers of layers.ts, in order, with their folders', () => {
    const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
    const rows = doc
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| layer') && !line.startsWith('|---'))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    const drawn = rows.filter((cells) => LAYERS.some((layer) => layer.name === cells[1]));
    expect(drawn.map((cells) => cells[1])).toEqual(LAYERS.map((layer) => layer.name));
    for (const [i, layer] of LAYERS.entries()) {
      const folders = [...drawn[i]![2]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      expect(folders, layer.name).toEqual(layer.folders.filter((folder) => folder !== '.'));
    }
  });
});
