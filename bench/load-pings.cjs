// The load process (separate from Vigil): autocannon over the given ping paths, JSON result on stdout.
const autocannon = require("autocannon");
const [url, pathsFile, seconds, connections] = process.argv.slice(2);
const paths = require("node:fs").readFileSync(pathsFile, "utf8").trim().split("\n");
autocannon(
  {
    url,
    connections: Number(connections),
    duration: Number(seconds),
    headers: JSON.parse(process.env.LOAD_HEADERS || "{}"),
    requests: paths.map((path) => ({ method: "GET", path })),
  },
  (err, result) => {
    if (err) throw err;
    process.stdout.write(
      JSON.stringify({
        rps: result.requests.average,
        total: result.requests.total,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      }),
    );
  },
);
