// Registers hide-duckdb.mjs (node --import this-file).
import { register } from 'node:module';
register('./hide-duckdb.mjs', import.meta.url);
