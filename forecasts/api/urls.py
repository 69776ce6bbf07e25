from django.urls import path

from . import events, views
from .root import ApiRoot

# <str:pk>, not <int:pk>: a malformed id then gets the API's JSON 404, not Django's HTML page.
urlpatterns = [
    path("", ApiRoot.as_view(), name="api-root"),
    path("forecasts/", views.ForecastListCreateApi.as_view(), name="api-forecast-list"),
    path("forecasts/<str:pk>/", views.ForecastDetailApi.as_view(), name="api-forecast-detail"),
    path("forecasts/<str:pk>/resolve/", views.ForecastResolveApi.as_view(), name="api-forecast-resolve"),
    path("forecasts/<str:pk>/correct/", views.ForecastCorrectApi.as_view(), name="api-forecast-correct"),
    path("forecasts/<str:pk>/unresolve/", views.ForecastUnresolveApi.as_view(), name="api-forecast-unresolve"),
    path("forecasts/<str:pk>/accept/", views.ForecastAcceptApi.as_view(), name="api-forecast-accept"),
    path("forecasts/<str:pk>/reject/", views.ForecastRejectApi.as_view(), name="api-forecast-reject"),
    path("forecasts/<str:pk>/restore/", views.ForecastRestoreApi.as_view(), name="api-forecast-restore"),
    path("events/", events.EventListCreateApi.as_view(), name="api-event-list"),
    path("events/<str:pk>/", events.EventDetailApi.as_view(), name="api-event-detail"),
    path("events/<str:pk>/link/", events.EventLinkApi.as_view(), name="api-event-link"),
    path("events/<str:pk>/unlink/", events.EventUnlinkApi.as_view(), name="api-event-unlink"),
    path("events/<str:pk>/resolve/", events.EventResolveApi.as_view(), name="api-event-resolve"),
    path("scorecards/", views.ScorecardListApi.as_view(), name="api-scorecards"),
    path("scorecards/head-to-head/", views.HeadToHeadApi.as_view(), name="api-head-to-head"),
]
