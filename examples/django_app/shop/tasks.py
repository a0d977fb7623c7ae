"""Background jobs run by beat: one that syncs, one report, one that fails with card data."""

from celery import shared_task


@shared_task
def sync_inventory() -> int:
    return 42


@shared_task
def nightly_report() -> str:
    return "sent"


@shared_task
def charge_subscriptions() -> None:
    card_number = "4111 1111 1111 1111"  # as if read from the billing table
    customer = "jane.doe@example.com"
    raise ValueError(f"charge failed for {customer} (card {card_number})")
