-- wrk script of bench/connections.sh: each request asks for one path of the file PATHS (one a line), drawn at random
-- with a fixed seed, so that both servers get the same mix. (No response callback: wrk counts non-2xx answers itself.)
local paths = {}

function init(args)
  for line in io.lines(os.getenv("PATHS")) do
    paths[#paths + 1] = line
  end
  math.randomseed(tonumber(os.getenv("SEED") or "2010"))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

