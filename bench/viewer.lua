-- wrk script: the Pledge Viewer with random filter combinations (SCENARIO=random),
-- with a search (SCENARIO=search_common, search_rare, search_common_filters,
-- search_rare_filters), on popular filters (SCENARIO=popular), repeat visits to
-- popular pages that send the ETag the page had (SCENARIO=conditional; ETAGS holds
-- "path<TAB>etag" lines), a random pledge page (SCENARIO=pledge), the home page
-- (SCENARIO=home), a random organisation page among ORGANISATIONS
-- (SCENARIO=organisation; comma-separated slugs), the API's list of pledges with
-- the same random filters (SCENARIO=api) or one random pledge from it
-- (SCENARIO=api-pledge). Deterministic per thread. Each thread counts its answers
-- by status; done() prints the totals ("answers: 200=... 304=... other=..."),
-- which bench.load reads.
local scenario = os.getenv("SCENARIO") or "random"
local pledges = tonumber(os.getenv("PLEDGES") or "100000")
local counter = 0
local threads = {}

local facets = {
  pillar = {"for-all", "labour-force", "ict-professionals", "education"},
  country = {"AT","BE","BG","HR","CY","CZ","DK","EE","FI","FR","DE","GR","HU","IE","IT",
             "LV","LT","LU","MT","NL","PL","PT","RO","SK","SI","ES","SE","EU"},
  group = {"citizens","pupils","students","teachers","job-seekers","employees",
           "ict-professionals","women-and-girls","older-people","smes","disadvantaged"},
  action = {"training","courses","certification","placements","awareness","job-matching",
            "teacher-training","coding-classes","other"},
  delivery = {"online","in-person","blended"},
  sector = {"private","public","third"},
  type = {"company","sme","ngo","public-authority","education-provider","social-partner","other"},
  status = {"approved","completed"},
  year = {"2016","2017","2018","2019","2020","2021","2022","2023","2024","2025"},
}
local names = {"pillar","country","group","action","delivery","sector","type","status","year"}
local sorts = {"newest","reach","ending","title"}
-- Words of bench.fill's texts: each is in 16% to 96% of the pledges.
local common_words = {"coding","cybersecurity","data","cloud","robotics","teachers","girls",
                      "academy","bootcamp","hackathon","mentoring","quantum","literacy","skills"}
local popular = {
  "/en/pledges/", "/en/pledges/?pillar=education", "/en/pledges/?country=DE",
  "/en/pledges/?pillar=for-all&country=FR", "/en/pledges/?status=completed",
  "/en/pledges/?sort=reach", "/en/pledges/?country=EU", "/en/pledges/?pillar=labour-force",
  "/en/pledges/?page=2", "/en/pillars/education/", "/en/pledges/countries/it/",
}
local etags = {}
for path, etag in string.gmatch(os.getenv("ETAGS") or "", "([^\t\n]+)\t([^\n]+)") do
  etags[path] = etag
end

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(1000 + (id or 0))
end

local function pick(list) return list[math.random(#list)] end

-- `count` different facets, each with one option (or two, now and then).
local function some_filters(count)
  local parts = {}
  local used = {}
  while #parts < count do
    local name = pick(names)
    if not used[name] then
      used[name] = true
      table.insert(parts, name .. "=" .. pick(facets[name]))
      if math.random() < 0.25 then table.insert(parts, name .. "=" .. pick(facets[name])) end
    end
  end
  return parts
end

local function random_filters()
  local parts = some_filters(math.random(1, 4))
  if math.random() < 0.5 then table.insert(parts, "sort=" .. pick(sorts)) end
  return parts
end

local organisations = {}
for slug in string.gmatch(os.getenv("ORGANISATIONS") or "", "[^,]+") do
  table.insert(organisations, slug)
end

local function logged_in_path()
  if scenario == "home" then return "/en/" end
  return "/en/organisations/" .. pick(organisations) .. "/"
end

-- A rare word: the number in an organisation's name (bench.fill names them
-- "<city> <word> <kind> <number>"), in the pledges of that organisation only.
local function rare_word()
  return tostring(math.random(1, math.max(1, math.floor(pledges / 5))))
end

-- The viewer with a search, ranked by relevance (the default with a search).
local function search_path()
  local parts
  if scenario == "search_common" then
    parts = {"q=" .. pick(common_words)}
  elseif scenario == "search_rare" then
    parts = {"q=" .. rare_word()}
  elseif scenario == "search_common_filters" then
    parts = some_filters(2)
    table.insert(parts, 1, "q=" .. pick(common_words))
  else -- search_rare_filters
    parts = some_filters(math.random(1, 2))
    table.insert(parts, 1, "q=" .. rare_word())
  end
  return "/en/pledges/?" .. table.concat(parts, "&")
end

request = function()
  local path
  local headers = nil
  if scenario == "home" or scenario == "organisation" then
    path = logged_in_path()
  elseif scenario == "popular" then
    path = pick(popular)
  elseif scenario == "conditional" then
    path = pick(popular)
    if etags[path] then headers = {["If-None-Match"] = etags[path]} end
  elseif scenario == "pledge" then
    path = "/en/pledges/" .. math.random(1, pledges) .. "/"
  elseif scenario == "api" then
    path = "/api/v1/pledges?" .. table.concat(random_filters(), "&")
  elseif scenario == "api-pledge" then
    path = "/api/v1/pledges/" .. math.random(1, pledges)
  elseif string.sub(scenario, 1, 7) == "search_" then
    path = search_path()
  else
    path = "/en/pledges/?" .. table.concat(random_filters(), "&")
  end
  return wrk.format("GET", path, headers)
end

-- Count answers by status: a load test that hides errors measures nothing.
ok, not_modified, other = 0, 0, 0
response = function(status, headers, body)
  if status == 200 then
    ok = ok + 1
  elseif status == 304 then
    not_modified = not_modified + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local totals = {0, 0, 0}
  for _, thread in ipairs(threads) do
    totals[1] = totals[1] + thread:get("ok")
    totals[2] = totals[2] + thread:get("not_modified")
    totals[3] = totals[3] + thread:get("other")
  end
  io.write(string.format("answers: 200=%d 304=%d other=%d\n", totals[1], totals[2], totals[3]))
end
