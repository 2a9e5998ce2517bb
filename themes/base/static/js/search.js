// Search across all the city's sites, in the browser: every site publishes Pagefind
// bundles (one per section) and a manifest of them; this page loads Pagefind from the first
// site that has the chosen language and merges the bundles of every site searched.
// The form is a plain GET form: changing the language or a filter and pressing Search
// reloads the page, so every search has its own address and works with Back.

const PAGE_SIZE = 10;
const form = document.getElementById("search-form");
const config = JSON.parse(document.getElementById("search-config").textContent);
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const params = new URLSearchParams(window.location.search);

const query = (params.get("q") || "").trim();
const lang = params.get("lang") in config.languages ? params.get("lang") : config.lang;
const siteFilter = config.sites.some((s) => s.key === params.get("site")) ? params.get("site") : "";
const typeFilter = params.get("type") in config.types ? params.get("type") : "";
form.elements.q.value = query;
form.elements.lang.value = lang;
form.elements.site.value = siteFilter;
form.elements.type.value = typeFilter;

function say(text) {
  status.textContent = text;
}

function countText(count) {
  return count === 1 ? form.dataset.resultsOne : form.dataset.resultsMany.replace("{count}", count);
}

// Pagefind's excerpt marks the matched words with <mark>; keep those, and only text.
function excerpt(html) {
  const fragment = document.createDocumentFragment();
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      fragment.append(mark);
    } else {
      fragment.append(document.createTextNode(node.textContent));
    }
  }
  return fragment;
}

function resultItem(data) {
  const item = document.createElement("li");
  if (lang !== config.lang) item.lang = lang;
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title;
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "meta";
  const type = (data.filters.type || [])[0];
  meta.textContent = [data.meta.site, config.types[type]].filter(Boolean).join(" · ");
  const text = document.createElement("p");
  text.append(excerpt(data.excerpt));
  item.append(heading, meta, text);
  return item;
}

async function manifests(sites) {
  const loaded = await Promise.all(
    sites.map(async (site) => {
      try {
        const response = await fetch(`${site.origin}/pagefind/bundles.json`);
        return response.ok ? { site, bundles: (await response.json()).bundles } : null;
      } catch {
        return null; // one site being unreachable must not break the others
      }
    }),
  );
  return loaded.filter(Boolean);
}

async function run() {
  if (!query) return;
  say(form.dataset.searching);
  const sites = config.sites.filter((s) => !siteFilter || s.key === siteFilter);
  const found = await manifests(sites);
  const bundles = [];
  for (const { site, bundles: names } of found) {
    for (const [name, languages] of Object.entries(names)) {
      if (languages.includes(lang)) {
        bundles.push({ site, url: `${site.origin}/pagefind/${name ? `${name}/` : ""}`, root: !name });
      }
    }
  }
  // Pagefind needs a bundle with its script and WebAssembly: a site's root bundle.
  const primary = bundles.find((b) => b.root);
  if (!primary) {
    say(form.dataset.noResults);
    return;
  }
  const pagefind = await import(`${primary.url}pagefind.js`);
  // Pagefind takes its language from <html lang> when it starts, with no option to choose
  // another: show it the chosen language for that moment (the page's is put back at once).
  const root = document.documentElement;
  const pageLang = root.lang;
  root.lang = lang;
  const started = pagefind.init();
  root.lang = pageLang;
  await started;
  await Promise.all(
    bundles.filter((b) => b !== primary).map((b) => pagefind.mergeIndex(b.url, { language: lang })),
  );
  const filters = {};
  if (siteFilter) filters.site = siteFilter;
  if (typeFilter) filters.type = typeFilter;
  const search = await pagefind.search(query, { filters });
  const results = search.results;
  let shown = 0;
  async function showMore() {
    const page = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
    const items = page.map(resultItem);
    list.append(...items);
    shown += page.length;
    more.hidden = shown >= results.length;
    return items;
  }
  await showMore();
  // Announced once the first results are on the page (the status is a live region).
  say(results.length ? countText(results.length) : form.dataset.noResults);
  more.addEventListener("click", async () => {
    const items = await showMore();
    // Keyboard and screen-reader users continue from the first new result.
    if (items.length) items[0].querySelector("a").focus();
  });
}

run().catch((error) => {
  console.error(error);
  say(form.dataset.failed);
});
