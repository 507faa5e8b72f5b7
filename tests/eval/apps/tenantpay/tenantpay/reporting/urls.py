from django.urls import path

from tenantpay.reporting import views

app_name = "reporting"
urlpatterns = [
    path("ledgers/", views.ledgers, name="ledgers"),
    path("settlements/", views.settlements, name="settlements"),
    path("settlements.csv", views.settlements_csv, name="settlements-csv"),
]
