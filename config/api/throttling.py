"""API rate limits counted atomically in the shared cache.

DRF's throttles read a list of request times, append, and write it back: two workers that read
at once both write "one more", so concurrent requests slip past the limit. These count in fixed
windows with the cache's own increment (atomic in Redis and, under its lock, in local memory),
so N requests over the limit are refused exactly at the limit. A fixed window can let a client
spend up to twice the rate across a window boundary; that is the price of one counter per client.
"""

import math

from rest_framework import throttling


class AtomicWindowThrottle(throttling.SimpleRateThrottle):
    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        window = int(self.now // self.duration)
        self.window_ends_at = (window + 1) * self.duration
        return self._count(f"{self.key}:{window}") <= self.num_requests

    def _count(self, key: str) -> int:
        # The counter outlives its window a little, so it cannot expire between add and incr.
        self.cache.add(key, 0, timeout=self.duration + 5)
        try:
            return self.cache.incr(key)
        except ValueError:  # evicted between add and incr: start it again
            self.cache.add(key, 0, timeout=self.duration + 5)
            return self.cache.incr(key)

    def wait(self):
        return max(0, math.ceil(self.window_ends_at - self.now))


class AnonRateThrottle(AtomicWindowThrottle, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(AtomicWindowThrottle, throttling.UserRateThrottle):
    pass
