// pa11y over many pages in one browser (Debian's Chromium): reads [[url, width], ...] as
// JSON on stdin, writes [[url, width, [error codes]], ...] as JSON on stdout. Used by
// tests/pa11y.py; node finds pa11y and puppeteer through NODE_PATH (var/test-tools).
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

async function main() {
  const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless=new"],
  });
  const results = [];
  const queue = input.slice();
  async function worker() {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [url, width] = job;
      const page = await browser.newPage();
      try {
        const result = await pa11y(url, {
          browser,
          page,
          standard: "WCAG2AA",
          viewport: { width, height: 900 },
          timeout: 60000,
        });
        const errors = result.issues.filter((i) => i.type === "error");
        results.push([url, width, errors.map((i) => `${i.code} ${i.context.slice(0, 120)}`)]);
      } catch (error) {
        results.push([url, width, [`pa11y failed: ${error.message}`]]);
      } finally {
        await page.close();
      }
    }
  }
  await Promise.all([worker(), worker(), worker()]);
  await browser.close();
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
