// The key attribute names of the DynamoDB tables this trail saw described or created, so PutItem records get `key`.

/** Tables remembered at most; the oldest is forgotten first. */
const LIMIT = 1000;

/** `[{AttributeName: 'Artist', KeyType: 'HASH'}, …]` → `['Artist', …]`, or undefined for anything else. */
function keyNames(keySchema: unknown): string[] | undefined {
  if (!Array.isArray(keySchema)) return undefined;
  const names = keySchema.map((k) => (k as { AttributeName?: unknown } | null)?.AttributeName).filter((n): n is string => typeof n === 'string');
  return names.length > 0 ? names : undefined;
}

export class TableKeys {
  private readonly tables: Map<string, readonly string[]>;

  /** `known`: the tables the application named (the `dynamoDbTableKeys` option). */
  constructor(known: Readonly<Record<string, readonly string[]>> = {}) {
    this.tables = new Map(Object.entries(known));
  }

  /** The key attribute names of `table` (a name or ARN as the call gave it), when seen. */
  readonly lookup = (table: string): readonly string[] | undefined => this.tables.get(table);

  /** Learns from a CreateTable input or a CreateTable/DescribeTable output. */
  learn(source: unknown): void {
    if (source === null || typeof source !== 'object') return;
    const s = source as Record<string, unknown>;
    const description = (s['Table'] ?? s['TableDescription'] ?? s) as Record<string, unknown> | null;
    const table = description?.['TableName'];
    const names = keyNames(description?.['KeySchema']);
    if (typeof table !== 'string' || names === undefined) return;
    this.tables.delete(table);
    if (this.tables.size >= LIMIT) this.tables.delete(this.tables.keys().next().value!);
    this.tables.set(table, names);
  }
}
