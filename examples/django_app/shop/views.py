"""A view that fails with personal data everywhere: form fields, headers, cookies, locals."""

from django.http import HttpRequest, HttpResponse


def checkout(request: HttpRequest) -> HttpResponse:
    email = request.POST.get("email", "")
    card_number = "4111 1111 1111 1111"  # as if read from the payment form
    amount = 42
    raise ValueError(f"payment of {amount} declined for {email} (card ending {card_number[-4:]})")
