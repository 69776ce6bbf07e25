from django.urls import path

from . import calendar, downloads, embeds, feeds, pages

app_name = "public"

# <str:…> ids, checked by the views: a malformed id is a 404, never a 500.
urlpatterns = [
    path("forecasts/<str:pk>/", pages.forecast_redirect, name="forecast-short"),
    path("forecasts/<str:pk>/<str:slug>/", pages.forecast_detail, name="forecast"),
    path("search/", pages.search, name="search"),
    path("scorecards/forecasts.<str:fmt>", downloads.all_forecasts, name="download"),
    path("scorecards/<str:by>/<str:key>/forecasts.<str:fmt>", downloads.group_forecasts, name="group-download"),
    path("scorecards/<str:by>/<str:key>/feed.atom", feeds.group_feed, name="feed"),
    path("scorecards/author/<str:key>/badge.svg", embeds.badge, name="badge"),
    path("scorecards/author/<str:key>/card/", embeds.card, name="card"),
    path("calendar/", calendar.calendar_link, name="calendar-link"),
    path("calendar/<str:key>.ics", calendar.calendar_feed, name="calendar"),
]
