"""Django's SQLite backend, told how many query parameters SQLite really accepts.

Django 5.2 assumes 999, the limit of SQLite before 3.32, and cuts every bulk insert into batches
that fit it: a reminder run writing 1,000 history rows of 30 columns took some 30 INSERTs instead
of one. The SQLite Python links against says its own limit (32,766 since 3.32); Django 6.0 reads it
the same way.
"""

import sqlite3

from django.db.backends.sqlite3 import base, features

# A compile-time limit of the library, the same for every connection it opens.
with sqlite3.connect(":memory:") as _probe:
    VARIABLE_LIMIT = _probe.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
_probe.close()


class DatabaseFeatures(features.DatabaseFeatures):
    max_query_params = VARIABLE_LIMIT


class DatabaseWrapper(base.DatabaseWrapper):
    features_class = DatabaseFeatures
