-- The 20 queries of BENCHMARK-ANCHORS.md as /api/search paths (as ApiSearchBenchmark sends them), in turn.
local f = "&facets=origin,classification,year"
paths = {
  "/api/search?q=iran", "/api/search?q=nuclear", "/api/search?q=falklands", "/api/search?q=subject%3Avisit",
  "/api/search?q=iran+AND+nuclear", "/api/search?q=oil+AND+pipeline", "/api/search?q=terrorism+AND+financing",
  "/api/search?q=%22human+rights%22", "/api/search?q=%22prime+minister%22", "/api/search?q=%22nuclear+program%22",
  "/api/search?q=iran" .. f, "/api/search?q=oil+AND+pipeline" .. f, "/api/search?q=%22human+rights%22" .. f,
  "/api/search?q=" .. f, "/api/search?q=created%3A2009", "/api/search?q=iran+AND+created%3A%5B2008+TO+2009%5D",
  "/api/search?q=iran&sort=created-newest", "/api/search?q=&sort=created-newest",
  "/api/search?q=iran&filter=classification%3ASECRET" .. f,
  "/api/search?q=police&filter=origin%3AEmbassy+Moscow" .. f,
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
