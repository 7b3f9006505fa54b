-- wrk script: a mixed request set, cycled per connection. The queries are those of every judgment
-- set (src/test/resources/relevance/*.tsv: main, understanding and untuned; JUDGMENTS overrides,
-- space-separated) and, when QUERIES names a file, its lines too (bench/harness.sh writes the
-- list's cluster names, builder units, industries and cities there, for at least 500 distinct
-- queries). Each query is sent as a plain search, with a province or sector filter, on a second
-- page, and to suggest, facets and stats; lookups by id, health and a JSON export are mixed in.
-- Responses other than 2xx/3xx are counted and printed at the end (wrk reports them too).
local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local judgments = os.getenv("JUDGMENTS")
  or "src/test/resources/relevance/judgments-2021.tsv"
  .. " src/test/resources/relevance/judgments-2021-understanding.tsv"
  .. " src/test/resources/relevance/judgments-2021-untuned.tsv"
local queries, seen = {}, {}
local function add(q)
  if q and q ~= "" and not seen[q] then
    seen[q] = true
    queries[#queries + 1] = encode(q)
  end
end
for file in judgments:gmatch("%S+") do
  for line in io.lines(file) do
    add(line:match("^([^#\t][^\t]*)\t"))
  end
end
local extra = os.getenv("QUERIES")
if extra and extra ~= "" then
  for line in io.lines(extra) do
    add(line)
  end
end

local paths = {}
local provinces = { "山东", "湖北", "广东", "江苏", "四川" }
local sectors = { "生物产业", "新一代信息技术产业", "高端装备制造产业", "新材料产业" }
for i, q in ipairs(queries) do
  paths[#paths + 1] = "/api/search?q=" .. q
  paths[#paths + 1] = "/api/search?q=" .. q .. "&province=" .. encode(provinces[i % #provinces + 1])
  paths[#paths + 1] = "/api/search?q=" .. q .. "&industry=" .. encode(sectors[i % #sectors + 1])
  paths[#paths + 1] = "/api/search?q=" .. q .. "&page=2&size=5"
  paths[#paths + 1] = "/api/suggest?q=" .. q
  if i % 4 == 0 then paths[#paths + 1] = "/api/facets?q=" .. q end
  if i % 8 == 0 then paths[#paths + 1] = "/api/stats?q=" .. q end
  if i % 8 == 4 then paths[#paths + 1] = "/api/clusters/2021-" .. (i % 43 + 1) end
  if i % 16 == 0 then paths[#paths + 1] = "/api/export?format=json&q=" .. q end
  if i % 16 == 8 then paths[#paths + 1] = "/api/health" end
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 37)
end

local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[(i + offset) % #paths + 1])
end

local bad = 0
function response(status, headers, body)
  if status >= 400 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("mixed set: %d distinct requests over %d queries\n", #paths, #queries))
end
