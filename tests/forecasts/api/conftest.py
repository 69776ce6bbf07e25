from tests.api_fixtures import *  # noqa: F403
