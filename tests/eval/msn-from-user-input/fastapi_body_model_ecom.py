# eval: vulnerable
import requests
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Order(BaseModel):
    order_id: str
    amount: int
    merchant_serial_number: str


@app.post("/ecom/initiate")
def initiate(order: Order):
    body = {
        "merchantInfo": {"merchantSerialNumber": order.merchant_serial_number, "callbackPrefix": CALLBACK},
        "transaction": {"orderId": order.order_id, "amount": order.amount},
    }
    # ruleid: KL201
    resp = requests.post("https://api.vipps.no/ecomm/v2/payments", json=body, headers=auth_headers())
    return resp.json()
