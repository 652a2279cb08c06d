// The chat page: keeps the conversation in memory, sends it to
// /v1/chat/completions with stream=true, and renders the streamed reply.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const log = $("log"), input = $("input"), form = $("composer");
  const sendBtn = $("send"), stopBtn = $("stop"), status = $("status"), system = $("system");
  const history = [];
  let model = "";
  let controller = null;

  function headers() {
    const h = { "Content-Type": "application/json" };
    const key = localStorage.getItem("gaianet-api-key");
    if (key) h["Authorization"] = "Bearer " + key;
    return h;
  }

  // unreachable turns a failed fetch (the browser says only "Failed to
  // fetch" or "network error") into what happened: the node is down or
  // the connection dropped.
  function unreachable(e, midway) {
    if (e && e.name === "TypeError") {
      return midway
        ? "The connection to the node was lost while it was answering. It may have been stopped or restarted; check that it runs (gaianet info) and send your question again."
        : "Cannot reach the node at " + location.host + ". It may be stopped: start it with 'gaianet start' and send your question again.";
    }
    return e && e.message ? e.message : String(e);
  }

  async function api(path, opts) {
    let resp = await fetch(path, Object.assign({ headers: headers() }, opts || {}));
    if (resp.status === 401) {
      const key = prompt("This node needs an API key:");
      if (key) {
        localStorage.setItem("gaianet-api-key", key);
        resp = await fetch(path, Object.assign({}, opts || {}, { headers: headers() }));
      }
    }
    return resp;
  }

  function add(role, text) {
    const empty = $("empty");
    if (empty) empty.remove();
    const div = document.createElement("div");
    div.className = "msg " + role;
    const r = document.createElement("div");
    r.className = "role";
    r.textContent = role === "user" ? "You" : role === "assistant" ? "Assistant" : "Error";
    const body = document.createElement("div");
    body.className = "content";
    body.textContent = text;
    div.append(r, body);
    log.append(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function showSources(div, sources) {
    if (!sources || !sources.length) return;
    const d = document.createElement("details");
    d.className = "sources";
    const s = document.createElement("summary");
    s.textContent = "Sources (" + sources.length + ")";
    const ul = document.createElement("ul");
    for (const src of sources) {
      const li = document.createElement("li");
      li.textContent = (src.document ? src.document + " — " : "") + src.text.slice(0, 300) +
        (src.text.length > 300 ? "…" : "") + " (score " + Number(src.score).toFixed(3) + ")";
      ul.append(li);
    }
    d.append(s, ul);
    div.append(d);
  }

  async function loadInfo() {
    try {
      const r = await api("/v1/models");
      if (r.ok) {
        const j = await r.json();
        if (j.data && j.data.length) { model = j.data[0].id; $("model").textContent = model; }
      }
      const i = await api("/v1/info");
      if (i.ok) {
        const j = await i.json();
        if (j.node_id) $("node-id").textContent = j.node_id;
        if (j.chat && j.chat.system_prompt && !system.value) system.placeholder = j.chat.system_prompt;
      }
    } catch (e) { status.textContent = unreachable(e, false); }
  }

  async function send(text) {
    history.push({ role: "user", content: text });
    add("user", text);
    const div = add("assistant", "");
    const content = div.querySelector(".content");
    const messages = (system.value.trim() ? [{ role: "system", content: system.value.trim() }] : []).concat(history);
    controller = new AbortController();
    sendBtn.hidden = true; stopBtn.hidden = false;
    status.textContent = "generating…";
    let reply = "", usage = null, started = performance.now(), first = 0, streaming = false;
    try {
      // When the conversation outgrows the model's context, drop the oldest
      // turns (keeping the system prompt and the new question) and retry.
      let resp;
      for (;;) {
        resp = await api("/v1/chat/completions", {
          method: "POST", signal: controller.signal,
          body: JSON.stringify({ model, messages, stream: true, stream_options: { include_usage: true } }),
        });
        if (resp.ok) break;
        let err = { message: resp.status + " " + resp.statusText };
        try { err = (await resp.json()).error; } catch (e) {}
        const first = messages.findIndex((m) => m.role !== "system");
        if (err.code === "context_length_exceeded" && first >= 0 && messages.length - first > 1) {
          messages.splice(first, 1);
          history.splice(0, 1);
          status.textContent = "conversation trimmed to fit the context";
          continue;
        }
        throw new Error(err.message);
      }
      streaming = true;
      const reader = resp.body.getReader();
      const dec = new TextDecoder();
      let buf = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += dec.decode(value, { stream: true });
        let i;
        while ((i = buf.indexOf("\n\n")) >= 0) {
          const event = buf.slice(0, i); buf = buf.slice(i + 2);
          for (const line of event.split("\n")) {
            if (!line.startsWith("data: ")) continue;
            const data = line.slice(6);
            if (data === "[DONE]") continue;
            const j = JSON.parse(data);
            if (j.error) throw new Error(j.error.message);
            if (j.usage) usage = j.usage;
            if (j.sources) showSources(div, j.sources);
            const c = j.choices && j.choices[0];
            if (c && c.delta && c.delta.content) {
              if (!first) first = performance.now();
              reply += c.delta.content;
              content.textContent = reply;
              log.scrollTop = log.scrollHeight;
            }
          }
        }
      }
      history.push({ role: "assistant", content: reply });
      const secs = (performance.now() - started) / 1000;
      status.textContent = usage
        ? usage.completion_tokens + " tokens in " + secs.toFixed(1) + " s" + (first ? ", first token after " + ((first - started) / 1000).toFixed(2) + " s" : "")
        : "";
      div.dataset.done = "true";
    } catch (e) {
      if (e.name === "AbortError" && reply) {
        status.textContent = "stopped";
        history.push({ role: "assistant", content: reply });
        div.dataset.done = "true";
      } else if (e.name === "AbortError") {
        // Stopped before the first word: no empty card; the question goes
        // back into the box to edit or send again.
        div.remove();
        log.lastElementChild && log.lastElementChild.classList.contains("user") && log.lastElementChild.remove();
        history.pop();
        if (!input.value) input.value = text;
        status.textContent = "stopped before the answer began";
      } else {
        div.className = "msg error";
        div.querySelector(".role").textContent = "Error";
        content.textContent = unreachable(e, streaming);
        status.textContent = "";
        history.pop();
        div.dataset.done = "true";
      }
    } finally {
      controller = null;
      sendBtn.hidden = false; stopBtn.hidden = true;
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text || controller) return;
    input.value = "";
    send(text);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
  });
  stopBtn.addEventListener("click", () => controller && controller.abort());
  loadInfo();
})();
