/**
 * One page of the case finder, inside Redis so that the filters are applied where the sets are and
 * one round trip answers. Cases come newest opened first (ties by case id, descending), after the
 * cursor. Each filter is a group every case of the page must be in:
 * - 's': a group of sets, any of which holds the case (an area filter within the caller's areas is
 *   one group of their area sets);
 * - 'l': a lookup value in a sorted set of `value NUL caseId` members, read by lexical range (a URN,
 *   an agency's reference).
 *
 * Two ways to find the page, chosen by an estimate of how many cases the walk would read:
 * - walk the opened order from the cursor, testing each case against every group (cheap when
 *   matches are common: a page is found after a few hundred cases);
 * - or take the members of the smallest group, test them, and sort them (cheap when a group is
 *   small: a URN, a source reference, a rare offence in one area).
 *
 * KEYS: opened zset, unmet zset, entries hash, then each group's keys in order ('s': its sets; 'l':
 * its sorted set).
 * ARGV: limit, opened min, opened max, cursor score ('' for none), cursor id, breaches ('' | 'yes' |
 * 'no'), now (ms), the number of groups, then for each group its kind and its number of sets ('s')
 * or its value ('l').
 * Returns the page's entries (JSON) followed by the last case's score and id when there is more.
 */
export const CASE_FINDER_PAGE = `
local opened, unmet, entries = KEYS[1], KEYS[2], KEYS[3]
local limit = tonumber(ARGV[1])
local minScore, maxScore = tonumber(ARGV[2]), tonumber(ARGV[3])
local cursorScore, cursorId = ARGV[4], ARGV[5]
local breaches, now = ARGV[6], tonumber(ARGV[7])
local groupCount = tonumber(ARGV[8])
local groups = {}
local k, a = 4, 9
for g = 1, groupCount do
  local kind = ARGV[a]
  if kind == 's' then
    local sets = {}
    for s = 1, tonumber(ARGV[a + 1]) do sets[s] = KEYS[k]; k = k + 1 end
    groups[g] = { kind = 's', sets = sets }
  else
    groups[g] = { kind = 'l', key = KEYS[k], value = ARGV[a + 1] }
    k = k + 1
  end
  a = a + 2
end
if cursorScore ~= '' and tonumber(cursorScore) < maxScore then maxScore = tonumber(cursorScore) end

local NUL = string.char(0)
local function lexRange(group)
  return '[' .. group.value .. NUL, '(' .. group.value .. string.char(1)
end

local function inGroup(group, id)
  if group.kind == 'l' then return redis.call('ZSCORE', group.key, group.value .. NUL .. id) ~= false end
  for _, set in ipairs(group.sets) do
    if redis.call('SISMEMBER', set, id) == 1 then return true end
  end
  return false
end

local function sizeOf(group)
  if group.kind == 'l' then
    local low, high = lexRange(group)
    return redis.call('ZLEXCOUNT', group.key, low, high)
  end
  local size = 0
  for _, set in ipairs(group.sets) do size = size + redis.call('SCARD', set) end
  return size
end

local function membersOf(group)
  if group.kind == 'l' then
    local low, high = lexRange(group)
    local members = redis.call('ZRANGE', group.key, low, high, 'BYLEX')
    local ids = {}
    local skip = #group.value + 2
    for i, member in ipairs(members) do ids[i] = string.sub(member, skip) end
    return ids
  end
  local ids = {}
  for _, set in ipairs(group.sets) do
    for _, id in ipairs(redis.call('SMEMBERS', set)) do ids[#ids + 1] = id end
  end
  return ids
end

local function breached(id)
  local earliest = redis.call('ZSCORE', unmet, id)
  return earliest ~= false and tonumber(earliest) < now
end

local function matches(id, skip)
  for g, group in ipairs(groups) do
    if g ~= skip and not inGroup(group, id) then return false end
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

local total = math.max(redis.call('ZCOUNT', opened, minScore, maxScore), 1)
local smallest, smallestSize, share = 0, math.huge, 1
for g, group in ipairs(groups) do
  local size = sizeOf(group)
  if size < smallestSize then smallest, smallestSize = g, size end
  share = share * math.min(1, size / total)
end
-- The cases with a breach are a group of their own to gather from (group -1) when they are the fewest.
if breaches ~= '' then
  local withBreach = redis.call('ZCOUNT', unmet, '-inf', '(' .. now)
  local fraction = withBreach / math.max(redis.call('ZCARD', opened), 1)
  if breaches == 'no' then fraction = 1 - fraction end
  share = share * fraction
  if breaches == 'yes' and withBreach < smallestSize then smallest, smallestSize = -1, withBreach end
end

local found = {}
if smallest ~= 0 and smallestSize < (limit + 1) / math.max(share, 1e-9) then
  local seen = {}
  local candidates
  if smallest == -1 then candidates = redis.call('ZRANGE', unmet, '-inf', '(' .. now, 'BYSCORE') else candidates = membersOf(groups[smallest]) end
  for _, id in ipairs(candidates) do
    if not seen[id] then
      seen[id] = true
      local score = redis.call('ZSCORE', opened, id)
      if score then
        score = tonumber(score)
        if score >= minScore and score <= maxScore and afterCursor(score, id) and matches(id, smallest) then
          found[#found + 1] = { score, id }
        end
      end
    end
  end
  table.sort(found, function(x, y) return x[1] > y[1] or (x[1] == y[1] and x[2] > y[2]) end)
  for i = #found, limit + 2, -1 do found[i] = nil end
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
end

local more = #found > limit
if more then found[#found] = nil end
local answer = {}
for i, hit in ipairs(found) do answer[i] = redis.call('HGET', entries, hit[2]) end
if more then
  local last = found[#found]
  answer[#answer + 1] = string.format('%.0f', last[1])
  answer[#answer + 1] = last[2]
end
return answer
`;
