from django.urls import path

from . import views

# <str:pk>, not <int:pk>: a malformed id then gets the API's JSON 404, not Django's HTML page.
urlpatterns = [
    path("sources/", views.SourceListCreateApi.as_view(), name="api-source-list"),
    path("sources/<str:pk>/", views.SourceDetailApi.as_view(), name="api-source-detail"),
]
