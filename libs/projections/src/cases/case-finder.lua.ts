/**
 * One page of the case finder, inside Redis so that the filters are applied where the sets are and
 * one round trip answers. Cases come newest opened first (ties by case id, descending), after the
 * cursor. Each filter is a group of sets, any of which a case must be in (an area filter within
 * the caller's areas is one group of their area sets); every group must hold.
 *
 * Two ways to find the page, chosen by an estimate of how many cases the walk would read:
 * - walk the opened order from the cursor, testing each case against every group (cheap when
 *   matches are common: a page is found after a few hundred cases);
 * - or take the members of the smallest group, test them, and sort them (cheap when a group is
 *   small: a URN, a source reference, a rare offence in one area).
 *
 * KEYS: opened zset, unmet zset, entries hash, then the groups' sets in order.
 * ARGV: limit, opened min, opened max, cursor score ('' for none), cursor id, breaches ('' | 'yes' |
 * 'no'), now (ms), then the number of groups and each group's number of sets.
 * Returns the page's entries (JSON) followed by the last case's score and id when there may be more.
 */
export const CASE_FINDER_PAGE = `
local opened, unmet, entries = KEYS[1], KEYS[2], KEYS[3]
local limit = tonumber(ARGV[1])
local minScore, maxScore = ARGV[2], ARGV[3]
local cursorScore, cursorId = ARGV[4], ARGV[5]
local breaches, now = ARGV[6], tonumber(ARGV[7])
local groupCount = tonumber(ARGV[8])
local groups = {}
local k = 4
for g = 1, groupCount do
  local sets = {}
  for s = 1, tonumber(ARGV[8 + g]) do sets[s] = KEYS[k]; k = k + 1 end
  groups[g] = sets
end
if cursorScore ~= '' then
  if tonumber(cursorScore) < tonumber(maxScore) then maxScore = cursorScore end
end

local function inGroup(sets, id)
  for _, set in ipairs(sets) do
    if redis.call('SISMEMBER', set, id) == 1 then return true end
  end
  return false
end

local function breached(id)
  local earliest = redis.call('ZSCORE', unmet, id)
  return earliest ~= false and tonumber(earliest) < now
end

local function matches(id, skip)
  for g, sets in ipairs(groups) do
    if g ~= skip and not inGroup(sets, id) then return false end
  end
  if breaches == 'yes' then return breached(id) end
  if breaches == 'no' then return not breached(id) end
  return true
end

local function afterCursor(score, id)
  if cursorScore == '' then return true end
  local c = tonumber(cursorScore)
  return score < c or (score == c and id < cursorId)
end

local total = redis.call('ZCOUNT', opened, minScore, maxScore)
local smallest, smallestSize, share = 0, math.huge, 1
for g, sets in ipairs(groups) do
  local size = 0
  for _, set in ipairs(sets) do size = size + redis.call('SCARD', set) end
  if size < smallestSize then smallest, smallestSize = g, size end
  share = share * math.min(1, size / math.max(total, 1))
end
if breaches ~= '' then
  local withBreach = redis.call('ZCOUNT', unmet, '-inf', '(' .. now)
  local fraction = withBreach / math.max(redis.call('ZCARD', opened), 1)
  if breaches == 'no' then fraction = 1 - fraction end
  share = share * fraction
end

local found = {}
local lastScore, lastId
local more = false
local walkEstimate = (limit + 1) / math.max(share, 1e-9)

if smallest > 0 and smallestSize < walkEstimate then
  local candidates = {}
  local seen = {}
  for _, set in ipairs(groups[smallest]) do
    for _, id in ipairs(redis.call('SMEMBERS', set)) do
      if not seen[id] then
        seen[id] = true
        local score = redis.call('ZSCORE', opened, id)
        if score then
          score = tonumber(score)
          if score >= tonumber(minScore) and score <= tonumber(maxScore) and afterCursor(score, id) and matches(id, smallest) then
            candidates[#candidates + 1] = { score, id }
          end
        end
      end
    end
  end
  table.sort(candidates, function(a, b) return a[1] > b[1] or (a[1] == b[1] and a[2] > b[2]) end)
  for i = 1, math.min(limit, #candidates) do found[i] = candidates[i] end
  more = #candidates > limit
else
  local offset, chunk = 0, math.max(limit * 4, 200)
  local done = false
  while not done do
    local page = redis.call('ZRANGE', opened, maxScore, minScore, 'BYSCORE', 'REV', 'LIMIT', offset, chunk, 'WITHSCORES')
    if #page == 0 then break end
    offset = offset + #page / 2
    for i = 1, #page, 2 do
      local id, score = page[i], tonumber(page[i + 1])
      if afterCursor(score, id) and matches(id, 0) then
        found[#found + 1] = { score, id }
        if #found > limit then done = true; break end
      end
    end
  end
  if #found > limit then more = true; found[#found] = nil end
end

local answer = {}
for i, hit in ipairs(found) do
  answer[i] = redis.call('HGET', entries, hit[2])
  lastScore, lastId = hit[1], hit[2]
end
if more and lastId then
  answer[#answer + 1] = string.format('%.0f', lastScore)
  answer[#answer + 1] = lastId
end
return answer
`;
