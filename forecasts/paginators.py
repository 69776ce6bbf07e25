"""A changelist paginator whose page loads do not read the whole forecast table."""

import json

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

# Up to this many matching rows the count is exact; it costs at most this many index entries.
EXACT_COUNT_LIMIT = 10_000


class EstimatedCountPaginator(Paginator):
    """Counts exactly up to EXACT_COUNT_LIMIT rows; beyond, PostgreSQL's planner estimate.

    COUNT(*) over a million forecasts reads every row (MVCC has no stored count) and is the
    slowest part of an unfiltered changelist. A count capped by LIMIT stays cheap; when it hits
    the cap, nobody pages through 200 pages, and "about 1,000,000" is what the page needs.
    Other databases get the exact count.
    """

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            return super().count
        capped = queryset.order_by()[: EXACT_COUNT_LIMIT + 1].count()
        # Asked even when the exact count is known (a plan costs well under a millisecond), so
        # that the page issues the same queries at any table size.
        plan = json.loads(queryset.order_by().explain(format="json"))
        if capped <= EXACT_COUNT_LIMIT:
            return capped
        return max(capped, int(plan[0]["Plan"]["Plan Rows"]))
