-- wrk script of benchmarks/load.py: counts every status other than 200 as an error (wrk's own
-- summary counts only status > 399, so a redirect to the login page would pass as a success)
-- and prints one line "WRK_REPORT_JSON {...}" with requests, errors, latency and throughput.
-- Headers (token, session cookie, X-Forwarded-Proto) come from wrk's -H options.
--
-- wrk runs for a duration, not a count: with an argument (`wrk … URL -- 5000`) each thread
-- prints "WRK_QUOTA_REACHED" once it has had that many answers, and load.py then interrupts wrk
-- (SIGINT, on which wrk stops and reports), so a run lasts as long as the requests take.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   quota = tonumber(args[1]) or 0
   answers = 0
   -- Per-thread counters; done() reads them with thread:get().
   not_200 = 0
   status_3xx = 0
   status_4xx = 0
   status_5xx = 0
   first_bad_status = 0
end

function response(status, headers, body)
   answers = answers + 1
   if answers == quota then
      io.write("WRK_QUOTA_REACHED\n")
      io.stdout:flush()
   end
   if status ~= 200 then
      not_200 = not_200 + 1
      if first_bad_status == 0 then
         first_bad_status = status
      end
      if status >= 500 then
         status_5xx = status_5xx + 1
      elseif status >= 400 then
         status_4xx = status_4xx + 1
      elseif status >= 300 then
         status_3xx = status_3xx + 1
      end
   end
end

function done(summary, latency, requests)
   local not_200, s3, s4, s5, first_bad = 0, 0, 0, 0, 0
   for _, thread in ipairs(threads) do
      not_200 = not_200 + thread:get("not_200")
      s3 = s3 + thread:get("status_3xx")
      s4 = s4 + thread:get("status_4xx")
      s5 = s5 + thread:get("status_5xx")
      if first_bad == 0 then
         first_bad = thread:get("first_bad_status")
      end
   end
   local e = summary.errors
   local seconds = summary.duration / 1e6
   -- Latencies are in microseconds.
   io.write(string.format(
      'WRK_REPORT_JSON {"requests": %d, "duration_s": %.3f, "bytes": %d, "requests_per_s": %.2f, '
         .. '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "wrk_status": %d, '
         .. '"not_200": %d, "status_3xx": %d, "status_4xx": %d, "status_5xx": %d, "first_bad_status": %d}, '
         .. '"latency_us": {"p50": %d, "p90": %d, "p99": %d, "max": %d, "mean": %.1f, "stdev": %.1f}}\n',
      summary.requests, seconds, summary.bytes, summary.requests / seconds,
      e.connect, e.read, e.write, e.timeout, e.status,
      not_200, s3, s4, s5, first_bad,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      latency.mean, latency.stdev))
end
