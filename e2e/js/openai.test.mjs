// End-to-end tests of a running GaiaNet node with the official OpenAI
// JavaScript client. The Go test TestJSClients (e2e/js_test.go) starts the
// node and runs these with GAIANET_E2E_URL set; without it they skip.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';

const url = process.env.GAIANET_E2E_URL;
const chatModel = process.env.GAIANET_E2E_CHAT_MODEL || 'tiny-llama';
const embedModel = process.env.GAIANET_E2E_EMBED_MODEL || 'tiny-bert';
const skip = url ? false : 'GAIANET_E2E_URL is not set (run the Go test TestJSClients)';

const client = () => new OpenAI({ baseURL: url + '/v1', apiKey: 'unused', maxRetries: 0, timeout: 60_000 });

// checkUsage: counts add up and respect max_tokens ("length" means all used).
function checkUsage(usage, finish, maxTokens) {
  assert.ok(usage, 'no usage');
  assert.ok(usage.prompt_tokens > 0, `prompt_tokens ${usage.prompt_tokens}`);
  assert.ok(usage.completion_tokens > 0, `completion_tokens ${usage.completion_tokens}`);
  assert.equal(usage.total_tokens, usage.prompt_tokens + usage.completion_tokens);
  assert.ok(usage.completion_tokens <= maxTokens, `completion_tokens ${usage.completion_tokens} > max_tokens ${maxTokens}`);
  assert.ok(['stop', 'length'].includes(finish), `finish_reason ${finish}`);
  if (finish === 'length') assert.equal(usage.completion_tokens, maxTokens);
}

const question = (content, max_tokens) => ({
  model: chatModel,
  messages: [{ role: 'user', content }],
  max_tokens,
  temperature: 0,
});

describe('OpenAI JS client', { skip }, () => {
  test('chat completion', async () => {
    const r = await client().chat.completions.create(question('What is the capital of France?', 16));
    assert.equal(r.object, 'chat.completion');
    assert.equal(r.model, chatModel);
    assert.equal(r.choices.length, 1);
    const c = r.choices[0];
    assert.equal(c.message.role, 'assistant');
    assert.ok(c.message.content.trim().length > 0, `empty reply (finish_reason ${c.finish_reason})`);
    checkUsage(r.usage, c.finish_reason, 16);
    assert.ok(Array.isArray(r.sources) && r.sources.length > 0, 'no knowledge-base sources in the response');
  });

  test('chat completion stream with usage', async () => {
    const stream = await client().chat.completions.create({
      ...question('Tell me about Go.', 16),
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '', role = '', finish = '', usage = null, chunks = 0, usageChunks = 0, id = '';
    for await (const chunk of stream) {
      chunks++;
      assert.equal(chunk.object, 'chat.completion.chunk');
      id ||= chunk.id;
      assert.equal(chunk.id, id, 'chunk ids differ within one stream');
      if (chunk.usage) {
        usageChunks++;
        usage = chunk.usage;
        assert.equal(chunk.choices.length, 0, 'the usage chunk carries choices');
      }
      for (const c of chunk.choices) {
        assert.equal(finish, '', 'a delta after finish_reason');
        if (c.delta.role) role = c.delta.role;
        if (c.delta.content) text += c.delta.content;
        if (c.finish_reason) finish = c.finish_reason;
      }
    }
    assert.equal(role, 'assistant');
    assert.ok(text.length > 0, `empty streamed reply (${chunks} chunks, finish_reason ${finish})`);
    assert.equal(usageChunks, 1, 'want exactly one usage chunk');
    checkUsage(usage, finish, 16);

    // Greedy decoding: the same request without streaming gives the same text.
    const plain = await client().chat.completions.create(question('Tell me about Go.', 16));
    assert.equal(plain.choices[0].message.content, text);
    assert.equal(plain.usage.completion_tokens, usage.completion_tokens);
  });

  test('stream helper (runner) collects the final message', async () => {
    const runner = client().chat.completions.stream(question('Say hello.', 8));
    const done = await runner.finalChatCompletion();
    assert.equal(done.choices.length, 1);
    assert.ok(done.choices[0].message.content.length > 0, 'empty reply');
  });

  test('embeddings', async () => {
    const input = ['Paris is the capital of France.', 'Go is a programming language.'];
    const f = await client().embeddings.create({ model: embedModel, input, encoding_format: 'float' });
    assert.equal(f.model, embedModel);
    assert.equal(f.data.length, 2);
    f.data.forEach((d, i) => {
      assert.equal(d.index, i);
      assert.equal(d.embedding.length, 256);
      assert.ok(d.embedding.every(Number.isFinite));
      assert.ok(d.embedding.some((x) => x !== 0), 'zero vector');
    });
    assert.ok(f.usage.prompt_tokens >= 2);
    // The JS client asks for base64 when no format is given and decodes it.
    const b = await client().embeddings.create({ model: embedModel, input });
    b.data.forEach((d, i) => {
      assert.equal(d.embedding.length, 256);
      d.embedding.forEach((x, j) => assert.equal(Math.fround(x), Math.fround(f.data[i].embedding[j])));
    });
  });

  test('models', async () => {
    const ids = [];
    for await (const m of client().models.list()) {
      assert.equal(m.object, 'model');
      ids.push(m.id);
    }
    assert.deepEqual(ids.sort(), [embedModel, chatModel].sort());
  });

  test('errors', async () => {
    await assert.rejects(
      client().chat.completions.create({ ...question('hi', 4), model: 'no-such-model' }),
      (e) => {
        assert.ok(e instanceof OpenAI.NotFoundError, `got ${e?.constructor?.name}: ${e}`);
        assert.equal(e.status, 404);
        assert.equal(e.code, 'model_not_found');
        assert.equal(e.type, 'invalid_request_error');
        return true;
      },
    );
    await assert.rejects(
      client().chat.completions.create({ model: chatModel, messages: [] }),
      (e) => {
        assert.ok(e instanceof OpenAI.BadRequestError, `got ${e?.constructor?.name}: ${e}`);
        assert.equal(e.status, 400);
        assert.ok(e.message.includes('messages'), e.message);
        return true;
      },
    );
  });

  const weather = {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Weather forecast for a city',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string', maxLength: 10 }, days: { type: 'integer', minimum: 1, maximum: 7 } },
        required: ['city', 'days'],
        additionalProperties: false,
      },
    },
  };
  const checkCall = (call) => {
    assert.ok(call.id, 'call without id');
    assert.equal(call.function.name, 'get_weather');
    const args = JSON.parse(call.function.arguments);
    assert.deepEqual(Object.keys(args).sort(), ['city', 'days']);
    assert.ok(typeof args.city === 'string' && [...args.city].length <= 10, `city ${args.city}`); // maxLength counts code points
    assert.ok(Number.isInteger(args.days) && args.days >= 1 && args.days <= 7, `days ${args.days}`);
  };

  test('tool calls: required, result fed back, named streamed, auto', async () => {
    const c = client();
    const req = {
      model: chatModel,
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      tools: [weather],
      tool_choice: 'required',
      max_tokens: 120,
      temperature: 0.7,
      seed: 4,
    };
    const r = await c.chat.completions.create(req);
    assert.equal(r.choices[0].finish_reason, 'tool_calls');
    assert.equal(r.choices[0].message.tool_calls.length, 1);
    const call = r.choices[0].message.tool_calls[0];
    checkCall(call);

    req.messages.push(r.choices[0].message, { role: 'tool', tool_call_id: call.id, content: '{"temp_c": 21}' });
    req.tool_choice = { type: 'function', function: { name: 'get_weather' } };
    const stream = c.chat.completions.stream(req);
    const final = await stream.finalChatCompletion();
    assert.equal(final.choices[0].finish_reason, 'tool_calls');
    assert.equal(final.choices[0].message.tool_calls.length, 1);
    const streamed = final.choices[0].message.tool_calls[0];
    checkCall(streamed);
    assert.notEqual(streamed.id, call.id);

    const auto = await c.chat.completions.create({ ...req, tool_choice: 'auto', max_tokens: 8 });
    assert.ok(['stop', 'length', 'tool_calls'].includes(auto.choices[0].finish_reason));
  });

  test('response_format json_schema', async () => {
    const r = await client().chat.completions.create({
      model: chatModel,
      messages: [{ role: 'user', content: 'Capital of France, as JSON?' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'answer',
          strict: true,
          schema: {
            type: 'object',
            properties: { answer: { type: 'string', maxLength: 12 }, sure: { type: 'boolean' } },
            required: ['answer', 'sure'],
            additionalProperties: false,
          },
        },
      },
      max_tokens: 60,
      temperature: 0.7,
      seed: 6,
    });
    assert.equal(r.choices[0].finish_reason, 'stop');
    const v = JSON.parse(r.choices[0].message.content);
    assert.deepEqual(Object.keys(v), ['answer', 'sure']);
    assert.equal(typeof v.sure, 'boolean');
    assert.ok([...v.answer].length <= 12);
  });
});
