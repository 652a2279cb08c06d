// End-to-end test of the node's Qdrant-compatible REST subset (under
// /qdrant/) with the official Qdrant JavaScript client. It skips itself when
// the node does not serve /qdrant/ (GET /qdrant/collections answers 404) or
// when GAIANET_E2E_URL is unset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QdrantClient } from '@qdrant/js-client-rest';

const url = process.env.GAIANET_E2E_URL;

async function skipReason() {
  if (!url) return 'GAIANET_E2E_URL is not set (run the Go test TestJSClients)';
  const r = await fetch(url + '/qdrant/collections');
  await r.arrayBuffer();
  if (r.status === 404) return 'the node does not serve /qdrant/ (GET /qdrant/collections answered 404)';
  return false;
}
const skip = await skipReason();

// The client drops the path of `url`, so the mount point goes in `prefix`.
const client = () => new QdrantClient({ url, prefix: '/qdrant', checkCompatibility: false, timeout: 30_000 });

const ids = (points) => points.map((p) => p.id).sort((a, b) => String(a).localeCompare(String(b)));

test('Qdrant JS client: collection and point lifecycle', { skip }, async () => {
  const q = client();
  const name = `e2e_${process.pid}_${Date.now()}`;
  const uuid = '5c56c793-69f3-4fbf-87e6-c4bf54c28c26';

  assert.equal(await q.createCollection(name, { vectors: { size: 4, distance: 'Cosine' } }), true);
  const { collections } = await q.getCollections();
  assert.ok(collections.some((c) => c.name === name), `${name} not listed in ${JSON.stringify(collections)}`);

  const up = await q.upsert(name, {
    wait: true,
    points: [
      { id: 1, vector: [1, 0, 0, 0], payload: { city: 'Paris', country: 'France', rank: 1 } },
      { id: 2, vector: [0, 1, 0, 0], payload: { city: 'Berlin', country: 'Germany', rank: 2 } },
      { id: 3, vector: [0.9, 0.1, 0, 0], payload: { city: 'Lyon', country: 'France', rank: 3 } },
      { id: uuid, vector: [0, 0, 1, 0], payload: { city: 'Rome', country: 'Italy', rank: 4 } },
    ],
  });
  assert.equal(up.status, 'completed');

  // Nearest neighbours by cosine similarity, with payloads.
  const hits = await q.search(name, { vector: [1, 0, 0, 0], limit: 2 });
  assert.deepEqual(hits.map((h) => h.id), [1, 3]);
  assert.ok(Math.abs(hits[0].score - 1) < 1e-5, `score of an identical vector: ${hits[0].score}`);
  assert.ok(hits[1].score < hits[0].score);
  assert.equal(hits[0].payload.city, 'Paris');

  // The Query API (what newer clients use) finds the same neighbours.
  const queried = await q.query(name, { query: [1, 0, 0, 0], limit: 2, with_payload: true });
  assert.deepEqual(queried.points.map((h) => h.id), [1, 3]);
  assert.equal(queried.points[0].payload.city, 'Paris');

  // A payload filter narrows the search.
  const filtered = await q.search(name, {
    vector: [1, 0, 0, 0],
    limit: 10,
    filter: { must: [{ key: 'country', match: { value: 'Germany' } }] },
  });
  assert.deepEqual(filtered.map((h) => h.id), [2]);

  // Scroll pages through every point.
  const page1 = await q.scroll(name, { limit: 3, with_payload: true });
  assert.equal(page1.points.length, 3);
  assert.ok(page1.next_page_offset !== null && page1.next_page_offset !== undefined, 'no next page offset');
  const page2 = await q.scroll(name, { limit: 3, offset: page1.next_page_offset });
  assert.equal(page2.points.length, 1);
  assert.ok(page2.next_page_offset === null || page2.next_page_offset === undefined);
  assert.deepEqual(ids([...page1.points, ...page2.points]), ids([{ id: 1 }, { id: 2 }, { id: 3 }, { id: uuid }]));

  assert.equal((await q.count(name)).count, 4);
  assert.equal(
    (await q.count(name, { filter: { must: [{ key: 'country', match: { value: 'France' } }] } })).count,
    2,
  );

  const del = await q.delete(name, { wait: true, points: [2] });
  assert.equal(del.status, 'completed');
  assert.equal((await q.count(name)).count, 3);
  const after = await q.search(name, { vector: [0, 1, 0, 0], limit: 10 });
  assert.ok(!after.some((h) => h.id === 2), 'a deleted point is still found');

  const info = await q.getCollection(name);
  assert.equal(info.points_count, 3);
  assert.equal(info.config.params.vectors.size, 4);
  assert.equal(info.config.params.vectors.distance, 'Cosine');

  assert.equal(await q.deleteCollection(name), true);
  await assert.rejects(q.getCollection(name), (e) => {
    assert.equal(e.status, 404, String(e));
    return true;
  });
});

test('Qdrant JS client: the knowledge base the node answers from', { skip }, async () => {
  // `gaianet kb ingest` wrote the test documents into collection "default".
  const info = await client().getCollection('default');
  assert.ok(info.points_count >= 2, `points_count ${info.points_count}`);
  assert.equal(info.config.params.vectors.size, 256);
  const { points } = await client().scroll('default', { limit: 10, with_payload: true });
  assert.ok(points.length >= 2);
});

test('Qdrant JS client: named and sparse vectors, hybrid query with fusion, payload index, aliases', { skip }, async () => {
  const q = client();
  const name = `e2e_hybrid_${process.pid}_${Date.now()}`;
  const alias = `${name}_alias`;

  assert.equal(await q.createCollection(name, {
    vectors: { text: { size: 4, distance: 'Cosine' }, image: { size: 2, distance: 'Dot' } },
    sparse_vectors: { keywords: { modifier: 'idf' } },
  }), true);
  const info0 = await q.getCollection(name);
  assert.equal(info0.config.params.vectors.text.size, 4);
  assert.equal(info0.config.params.vectors.image.distance, 'Dot');
  assert.ok(info0.config.params.sparse_vectors.keywords, JSON.stringify(info0.config.params));

  // Point 4 has no image vector: named vectors are optional per point.
  await q.upsert(name, {
    wait: true,
    points: [
      { id: 1, vector: { text: [1, 0, 0, 0], image: [1, 0], keywords: { indices: [1], values: [1] } }, payload: { country: 'France' } },
      { id: 2, vector: { text: [0, 1, 0, 0], image: [0, 1], keywords: { indices: [2, 3], values: [1, 1] } }, payload: { country: 'Germany' } },
      { id: 3, vector: { text: [0.9, 0.1, 0, 0], image: [0.5, 0.5], keywords: { indices: [2], values: [0.5] } }, payload: { country: 'France' } },
      { id: 4, vector: { text: [0, 0, 1, 0], keywords: { indices: [3], values: [2] } }, payload: { country: 'Italy' } },
    ],
  });

  // Each named vector is searched with its own distance.
  const byImage = await q.query(name, { query: [0, 1], using: 'image', limit: 1 });
  assert.deepEqual(byImage.points.map((p) => p.id), [2]);
  assert.ok(Math.abs(byImage.points[0].score - 1) < 1e-6, `dot score ${byImage.points[0].score}`);
  const bySparse = await q.query(name, { query: { indices: [2], values: [1] }, using: 'keywords', limit: 10 });
  assert.deepEqual(bySparse.points.map((p) => p.id), [2, 3]);

  // Hybrid: dense and sparse prefetches fused with reciprocal rank fusion.
  // Point 3 is second in both lists, points 1 and 2 first in one each.
  const fused = await q.query(name, {
    prefetch: [
      { query: [1, 0, 0, 0], using: 'text', limit: 2 },
      { query: { indices: [2], values: [1] }, using: 'keywords', limit: 2 },
    ],
    query: { fusion: 'rrf' },
    limit: 3,
    with_payload: true,
  });
  assert.equal(fused.points.length, 3);
  assert.deepEqual(ids(fused.points), ids([{ id: 1 }, { id: 2 }, { id: 3 }]));
  assert.ok(fused.points[0].score >= fused.points[1].score && fused.points[1].score >= fused.points[2].score);

  // Only the asked-for named vector comes back.
  const [rec] = await q.retrieve(name, { ids: [1], with_vector: ['image'] });
  assert.deepEqual(Object.keys(rec.vector), ['image']);

  // A keyword payload index shows in the collection info and serves filters.
  await q.createPayloadIndex(name, { field_name: 'country', field_schema: 'keyword', wait: true });
  const info = await q.getCollection(name);
  assert.equal(info.payload_schema.country.data_type, 'keyword');
  assert.equal(info.payload_schema.country.points, 4);
  const french = await q.query(name, {
    query: [1, 0, 0, 0], using: 'text', limit: 10,
    filter: { must: [{ key: 'country', match: { value: 'France' } }] },
  });
  assert.deepEqual(ids(french.points), ids([{ id: 1 }, { id: 3 }]));

  // An alias answers like the collection, and goes away with it.
  assert.equal(await q.updateCollectionAliases({ actions: [{ create_alias: { collection_name: name, alias_name: alias } }] }), true);
  const { aliases } = await q.getCollectionAliases(name);
  assert.deepEqual(aliases, [{ alias_name: alias, collection_name: name }]);
  assert.equal((await q.count(alias)).count, 4);
  assert.equal(await q.deleteCollection(name), true);
  assert.ok(!(await q.getAliases()).aliases.some((a) => a.alias_name === alias), 'alias outlived its collection');
});

test('Qdrant JS client: multi-vectors, point versions, groups with lookup, lookup_from, vector edits', { skip }, async () => {
  const q = client();
  const name = `e2e_multi_${process.pid}_${Date.now()}`;
  const docs = `${name}_docs`;

  // A late-interaction (ColBERT-style) multi-vector beside a dense vector.
  assert.equal(await q.createCollection(name, {
    vectors: {
      dense: { size: 2, distance: 'Dot' },
      colbert: { size: 2, distance: 'Dot', multivector_config: { comparator: 'max_sim' } },
    },
  }), true);
  const info = await q.getCollection(name);
  assert.deepEqual(info.config.params.vectors.colbert.multivector_config, { comparator: 'max_sim' });
  await q.upsert(name, {
    wait: true,
    points: [
      { id: 1, vector: { dense: [1, 0], colbert: [[1, 0], [0, 1]] }, payload: { doc: 10 } },
      { id: 2, vector: { dense: [0, 1], colbert: [[0, 1]] }, payload: { doc: 10 } },
      { id: 3, vector: { colbert: [[1, 0]] }, payload: { doc: 20 } },
    ],
  });
  // MaxSim: each query vector takes its best match in the point, summed.
  const late = await q.query(name, { query: [[1, 0], [0, 1]], using: 'colbert', limit: 3 });
  assert.equal(late.points[0].id, 1);
  assert.deepEqual(ids(late.points.slice(1)), ids([{ id: 2 }, { id: 3 }]));
  assert.deepEqual(late.points.map((p) => Math.round(p.score * 1e6) / 1e6), [2, 1, 1]);
  for (const p of late.points) assert.equal(typeof p.version, 'number', `no version in ${JSON.stringify(p)}`);

  // Groups by doc, each group's record looked up in another collection.
  await q.createCollection(docs, { vectors: { size: 2, distance: 'Dot' } });
  await q.upsert(docs, { wait: true, points: [{ id: 10, vector: [1, 1], payload: { title: 'ten' } }] });
  const grouped = await q.queryGroups(name, {
    query: [1, 0], using: 'dense', group_by: 'doc', limit: 2, group_size: 2, with_lookup: { collection: docs, with_payload: true },
  });
  assert.equal(grouped.groups[0].id, 10);
  assert.equal(grouped.groups[0].lookup.payload.title, 'ten');

  // Recommend with the example read from the other collection.
  const reco = await q.query(name, {
    query: { recommend: { positive: [10] } }, using: 'dense', limit: 1, lookup_from: { collection: docs, vector: '' },
  });
  assert.equal(reco.points.length, 1);

  // Vector edits change only the named vector; the payload stays.
  await q.updateVectors(name, { wait: true, points: [{ id: 3, vector: { dense: [1, 1] } }] });
  await q.deleteVectors(name, { wait: true, points: [1], vector: ['colbert'] });
  const got = await q.retrieve(name, { ids: [1, 3], with_vector: true, with_payload: true });
  const p1 = got.find((p) => p.id === 1);
  const p3 = got.find((p) => p.id === 3);
  assert.deepEqual(Object.keys(p1.vector), ['dense']);
  assert.deepEqual(Object.keys(p3.vector).sort(), ['colbert', 'dense']);
  assert.equal(p3.payload.doc, 20);

  assert.equal(await q.deleteCollection(name), true);
  assert.equal(await q.deleteCollection(docs), true);
});
