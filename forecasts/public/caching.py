"""Conditional GET and a shared cache for the public pages, both keyed by the data version.

The version goes up after every committed write that a page shows, so a cached page or a 304 is
never older than the last resolve: a new version is a new ETag and a new cache key. Only
anonymous answers are cached (signed-in readers see their own header); everyone gets the ETag.
"""

import datetime
import hashlib
import time
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import condition

from ..models import local_today
from . import versioning

# A cached page is found only under the version it was made for; older entries just expire.
CACHE_SECONDS = 24 * 60 * 60
KEY_PREFIX = "public"
# While one reader renders a page, the others poll for it this often, for at most this long (below
# gunicorn's timeout); a lock older than RENDER_LOCK_SECONDS belonged to a worker that died.
RENDER_POLL_SECONDS = 0.05
RENDER_WAIT_SECONDS = 20
RENDER_LOCK_SECONDS = 60


def _version(request) -> tuple:
    if not hasattr(request, "_public_data_version"):
        request._public_data_version = versioning.current()
    return request._public_data_version


def _etag(request, *args, **kwargs) -> str:
    version, _changed_at = _version(request)
    user = request.user.pk if request.user.is_authenticated else 0
    digest = hashlib.sha256(f"{_address(request)}|{user}".encode()).hexdigest()[:16]
    return f"{version}-{local_today().isoformat()}-{digest}"


def _last_modified(request, *args, **kwargs):
    # A forecast resolved before its deadline starts to count the day after it, with no change in
    # the data: a page is also new on each new day.
    midnight = timezone.make_aware(datetime.datetime.combine(local_today(), datetime.time()))
    changed_at = _version(request)[1]
    return midnight if changed_at is None else max(changed_at, midnight)


def _cache_key(request) -> str:
    version, _changed_at = _version(request)
    day = local_today().isoformat()
    return f"{KEY_PREFIX}:{version}:{day}:{hashlib.sha256(_address(request).encode()).hexdigest()}"


def _address(request) -> str:
    # Pages carry absolute links (canonical, embed snippets): one copy per scheme and host.
    return request.build_absolute_uri()


def _headed(response, max_age: int):
    if not isinstance(response, StreamingHttpResponse):
        if max_age:
            patch_cache_control(response, public=True, max_age=max_age)
        else:
            patch_cache_control(response, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
    return response


def _wait_for(key: str, lock: str):
    """The page another reader is rendering, once it is in the cache; None when that reader gave
    up (an error page is not cached) or took longer than RENDER_WAIT_SECONDS: then render it."""
    deadline = time.monotonic() + RENDER_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(RENDER_POLL_SECONDS)
        if cache.get(lock) is None:
            return cache.get(key)
    return None


def public_page(view=None, *, require_public: bool = True, max_age: int = 0):
    """Serve `view` to anonymous readers when SCORECARDS_PUBLIC is on (with `require_public`),
    with an ETag and Last-Modified from the data version, from the cache when it has the page.

    `max_age` 0: browsers revalidate every time (a cheap 304), so nobody sees an old outcome."""

    def decorate(view):
        @wraps(view)
        def cached(request, *args, **kwargs):
            shared = not request.user.is_authenticated and request.method in ("GET", "HEAD")
            if not shared:
                return _headed(view(request, *args, **kwargs), max_age)
            key = _cache_key(request)
            response = cache.get(key)
            if response is not None:
                return response
            # One reader renders the new version's page; the others wait for it rather than
            # render it too, so a burst after a write costs one rendering, not one per reader.
            lock = f"{key}:rendering"
            if not cache.add(lock, 1, RENDER_LOCK_SECONDS):
                response = _wait_for(key, lock)
                if response is not None:
                    return response
            try:
                response = _headed(view(request, *args, **kwargs), max_age)
                if not isinstance(response, StreamingHttpResponse) and response.status_code == 200:
                    cache.set(key, response, CACHE_SECONDS)
            finally:
                cache.delete(lock)
            return response

        conditional = condition(etag_func=_etag, last_modified_func=_last_modified)(cached)

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if require_public and not settings.SCORECARDS_PUBLIC and not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            response = conditional(request, *args, **kwargs)
            if isinstance(response, HttpResponse) and response.status_code == 304:
                patch_vary_headers(response, ["Cookie"])
            return response

        return wrapper

    return decorate(view) if view is not None else decorate
