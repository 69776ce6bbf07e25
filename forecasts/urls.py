from django.urls import path

from . import views
from .public.caching import public_page

app_name = "scorecards"

urlpatterns = [
    path("", public_page(views.scorecard_index), name="index"),
    path("<str:by>/<str:key>/", public_page(views.scorecard_detail), name="detail"),
]
