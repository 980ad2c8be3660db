// check.mjs DIR [TABLE...]: reads every Parquet table entente wrote in DIR
// (the extract tables, or the TABLEs named) with
// hyparquet (an implementation independent of parquet-go) and prints, as
// JSON, each table's row count and the rows of a few columns the Go test
// compares with the JSON Lines output of the same run.
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet'

const dir = process.argv[2]
const tables = process.argv.length > 3 ? process.argv.slice(3)
  : ['documents', 'entities', 'mentions', 'dates', 'events', 'event_participants', 'relations']
const out = {}
for (const t of tables) {
  const file = await asyncBufferFromFile(`${dir}/${t}.parquet`)
  const rows = await parquetReadObjects({ file })
  out[t] = rows.map(r => {
    const o = {}
    for (const [k, v] of Object.entries(r)) o[k] = typeof v === 'bigint' ? Number(v) : v
    return o
  })
}
process.stdout.write(JSON.stringify(out))
