// The console's script: live refresh (polling), countdowns on the mock's clock, actions as
// JSON POSTs with the CSRF header, and callback deliveries rendered whatever their keys.
(() => {
  "use strict";
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const POLL_MS = 1000;
  let offset = Number(document.body.dataset.now) - Date.now() / 1000; // mock clock - real clock

  // -- the mock's clock ------------------------------------------------------------------
  function syncClock(root) {
    const marked = root.querySelector("[data-now]");
    if (marked) offset = Number(marked.dataset.now) - Date.now() / 1000;
    const banner = document.getElementById("fault-banner");
    if (marked && banner && "fault" in marked.dataset) {
      banner.hidden = !marked.dataset.fault;
      banner.querySelector("b").textContent = marked.dataset.fault;
    }
  }
  const two = (n) => String(n).padStart(2, "0");
  function duration(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600);
    const m = Math.floor((s % 3600) / 60);
    return (d ? d + "d " : "") + two(h) + ":" + two(m) + ":" + two(s % 60);
  }
  function tick() {
    const now = Date.now() / 1000 + offset;
    const clock = document.getElementById("mock-clock");
    if (clock) clock.textContent = new Date(now * 1000).toISOString().replace("T", " ").slice(0, 19) + " UTC";
    for (const el of document.querySelectorAll("[data-expiry]")) {
      const left = Number(el.dataset.expiry) - now;
      el.textContent = left > 0 ? duration(left) : "expiring…";
      el.classList.toggle("soon", left < 60);
    }
  }

  // -- live fragments ---------------------------------------------------------------------
  async function refresh(el) {
    const response = await fetch(el.dataset.live, { credentials: "same-origin", cache: "no-store" });
    if (!response.ok && response.status !== 404) throw new Error(String(response.status));
    const html = await response.text();
    if (html !== el.dataset.shown) {
      el.innerHTML = html;
      el.dataset.shown = html;
    }
    syncClock(el);
  }

  // -- deliveries, rendered generically -----------------------------------------------------
  function node(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }
  function renderValue(value) {
    if (Array.isArray(value)) {
      if (!value.length) return node("span", "empty", "none");
      const list = node("ol", "values");
      for (const item of value) {
        const entry = node("li");
        entry.append(renderValue(item));
        list.append(entry);
      }
      return list;
    }
    if (value && typeof value === "object") {
      const table = node("table", "object");
      for (const [key, item] of Object.entries(value)) {
        const row = table.insertRow();
        row.append(node("th", "", key));
        row.insertCell().append(renderValue(item));
      }
      return table;
    }
    if (typeof value === "string") {
      try {
        const parsed = JSON.parse(value); // a body that is JSON text reads better as a table
        if (parsed && typeof parsed === "object") return renderValue(parsed);
      } catch (_) { /* plain text */ }
      return node("span", "text", value);
    }
    return node("code", "", JSON.stringify(value));
  }
  function deliveriesOf(body) {
    if (Array.isArray(body)) return body;
    for (const key of ["deliveries", "objects", "items", "results"]) {
      if (body && Array.isArray(body[key])) return body[key];
    }
    return [];
  }
  async function loadDeliveries(el) {
    const response = await fetch(el.dataset.deliveries, { credentials: "same-origin", cache: "no-store" });
    let shown;
    if (response.status === 404) {
      shown = [];
    } else if (!response.ok) {
      throw new Error(String(response.status));
    } else {
      shown = deliveriesOf(await response.json());
    }
    const limit = Number(el.dataset.limit || 0);
    if (limit) shown = shown.slice(0, limit);
    const key = JSON.stringify(shown);
    if (key === el.dataset.shown) return;
    el.dataset.shown = key;
    el.replaceChildren();
    if (!shown.length) {
      el.append(node("p", "empty", "no deliveries"));
      return;
    }
    el.append(node("p", "count", shown.length + (shown.length === 1 ? " delivery" : " deliveries") + ", newest first"));
    for (const delivery of shown) {
      const article = node("article", "delivery");
      article.append(renderValue(delivery));
      el.append(article);
    }
  }

  async function poll() {
    const live = document.getElementById("live");
    try {
      await Promise.all([
        ...[...document.querySelectorAll("[data-live]")].map(refresh),
        ...[...document.querySelectorAll("[data-deliveries]")].map(loadDeliveries),
      ]);
      if (live) live.classList.remove("stale");
    } catch (_) {
      if (live) live.classList.add("stale");
    }
  }

  // -- actions ------------------------------------------------------------------------------
  function bodyOf(form) {
    const body = {};
    for (const input of form.querySelectorAll("input[name], select[name]")) {
      if (input.type === "checkbox") body[input.name] = input.checked;
      else if (input.value === "") continue;
      else if (input.type === "number") body[input.name] = Number(input.value);
      else body[input.name] = input.value;
    }
    return body;
  }
  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-action]");
    if (!form) return;
    event.preventDefault();
    const button = event.submitter;
    const body = button && button.dataset.body ? JSON.parse(button.dataset.body) : bodyOf(form);
    const output = document.getElementById("action-result");
    output.className = "result busy";
    output.textContent = "…";
    let text, ok;
    try {
      const response = await fetch(form.dataset.url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-Mock-CSRF": csrf },
        body: JSON.stringify(body),
      });
      ok = response.ok;
      text = await response.text();
      try {
        const parsed = JSON.parse(text);
        text = ok ? JSON.stringify(parsed, null, 2) : parsed.error || text;
      } catch (_) { /* not JSON */ }
      if (!ok) text = response.status + ": " + text;
    } catch (error) {
      ok = false;
      text = String(error);
    }
    output.className = "result " + (ok ? "ok" : "error");
    output.dataset.form = form.id || "";
    output.textContent = text;
    await poll();
  });

  tick();
  poll();
  setInterval(tick, 250);
  setInterval(poll, POLL_MS);
})();
