// Writes a RocksDB 9.7 database (@nxtedition/rocksdb's prebuilt binding;
// RocksDB 9 writes block-based tables with format_version 6) for
// internal/rocksdb's fixture test, and its contents as RocksDB iterates them.
// Usage (with the package installed: npm install @nxtedition/rocksdb@12.2.12):
//   node gen-v6.js rocksdb9-v6  (writes DIR and DIR.scan; the WAL, which this
// binding compresses, is removed: everything is flushed to tables first).
const { RocksLevel } = require('@nxtedition/rocksdb')
const fs = require('fs')
const path = require('path')

async function main () {
  const loc = process.argv[2]
  fs.rmSync(loc, { recursive: true, force: true })
  const opts = { compression: false, keyEncoding: 'buffer', valueEncoding: 'buffer' }
  let db = new RocksLevel(loc, opts)
  await db.open()
  for (let round = 0; round < 3; round++) {
    const batch = db.batch()
    for (let i = 0; i < 600; i++) {
      const n = (i * 7919 + round * 104729) % 800
      const k = Buffer.from('key-' + String(n).padStart(6, '0'))
      if ((i + round) % 11 === 0) batch.del(k)
      else batch.put(k, Buffer.from(`value-${round}-${i}-` + 'x'.repeat((i * 31) % 40)))
    }
    await batch.write()
    await db.close()
    // Reopening replays the WAL into a new table file.
    db = new RocksLevel(loc, opts)
    await db.open()
  }
  const out = []
  for await (const [k, v] of db.iterator()) out.push(k.toString('hex') + ' ' + v.toString('hex'))
  await db.close()
  fs.writeFileSync(loc + '.scan', out.join('\n') + '\n')
  for (const f of fs.readdirSync(loc)) {
    if (f.endsWith('.log') || f === 'LOCK' || f.startsWith('LOG')) fs.rmSync(path.join(loc, f))
  }
}
main().catch(e => { console.error(e); process.exit(1) })
