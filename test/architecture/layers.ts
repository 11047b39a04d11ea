// The layers of src/, from the ground up: the one place the import direction is declared (docs/architecture.md draws
// the same table). A folder may import its own layer and the layers below it, never one above, and folders never
// import each other in a circle. `.` stands for the files directly in src/ (the facade).
export interface Layer {
  name: string;
  /** Top-level folders of src/ in this layer. */
  folders: readonly string[];
}

export const LAYERS: readonly Layer[] = [
  { name: 'ground', folders: ['clock', 'vocabulary', 'catalog'] },
  { name: 'event', folders: ['event'] },
  { name: 'recorder', folders: ['recorder'] },
  { name: 'engine', folders: ['engine'] },
  { name: 'integrity', folders: ['integrity'] },
  { name: 'delivery', folders: ['delivery'] },
  { name: 'readers', folders: ['validation', 'reader', 'policy', 'lake', 'fleet', 'report', 'server', 'testing', 'cli'] },
  { name: 'facade', folders: ['.'] },
];
