from django.urls import path

from . import views

app_name = "scorecards"

urlpatterns = [
    path("", views.scorecard_index, name="index"),
    path("<str:by>/<str:key>/", views.scorecard_detail, name="detail"),
]
