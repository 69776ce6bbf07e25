"""The forecast changelist's paginator: page loads that do not read the whole forecast table."""

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
        if capped <= EXACT_COUNT_LIMIT:
            return capped
        plan = json.loads(queryset.order_by().explain(format="json"))
        return max(capped, int(plan[0]["Plan"]["Plan Rows"]))
