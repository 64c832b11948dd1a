-- wrk script: the Pledge Viewer with random filter combinations (SCENARIO=random),
-- with a search (SCENARIO=search), on popular filters (SCENARIO=popular), or a
-- random pledge page (SCENARIO=pledge), the home page (SCENARIO=home), a random
-- organisation page among ORGANISATIONS (SCENARIO=organisation; comma-separated
-- slugs), the API's list of pledges with the same random filters (SCENARIO=api)
-- or one random pledge from it (SCENARIO=api-pledge). Deterministic per thread.
local scenario = os.getenv("SCENARIO") or "random"
local pledges = tonumber(os.getenv("PLEDGES") or "100000")
local counter = 0

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
local words = {"coding","cybersecurity","data","cloud","robotics","teachers","girls",
               "academy","bootcamp","hackathon","mentoring","quantum","literacy","skills"}
local popular = {
  "/en/pledges/", "/en/pledges/?pillar=education", "/en/pledges/?country=DE",
  "/en/pledges/?pillar=for-all&country=FR", "/en/pledges/?status=completed",
  "/en/pledges/?sort=reach", "/en/pledges/?country=EU", "/en/pledges/?pillar=labour-force",
  "/en/pledges/?page=2", "/en/pillars/education/", "/en/pledges/countries/it/",
}

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  math.randomseed(1000 + (id or 0))
end

local function pick(list) return list[math.random(#list)] end

local function random_filters()
  local parts = {}
  local n = math.random(1, 4)
  local used = {}
  for _ = 1, n do
    local name = pick(names)
    if not used[name] then
      used[name] = true
      table.insert(parts, name .. "=" .. pick(facets[name]))
      if math.random() < 0.25 then table.insert(parts, name .. "=" .. pick(facets[name])) end
    end
  end
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

request = function()
  local path
  if scenario == "home" or scenario == "organisation" then
    path = logged_in_path()
  elseif scenario == "popular" then
    path = pick(popular)
  elseif scenario == "pledge" then
    path = "/en/pledges/" .. math.random(1, pledges) .. "/"
  elseif scenario == "api" then
    path = "/api/v1/pledges?" .. table.concat(random_filters(), "&")
  elseif scenario == "api-pledge" then
    path = "/api/v1/pledges/" .. math.random(1, pledges)
  elseif scenario == "search" then
    local parts = {"q=" .. pick(words)}
    if math.random() < 0.5 then table.insert(parts, "pillar=" .. pick(facets.pillar)) end
    path = "/en/pledges/?" .. table.concat(parts, "&")
  else
    path = "/en/pledges/?" .. table.concat(random_filters(), "&")
  end
  return wrk.format("GET", path)
end

-- Count answers that are not 200: a load test that hides errors measures nothing.
local errors = 0
response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end
