package customersapi

// RegisterCustomer is the body of POST /api/customers.
type RegisterCustomer struct {
	Name      string `json:"name"`
	SmsNumber string `json:"smsNumber"`
}

// ChangeSmsNumber is the body of POST /api/customers/{customerId}/change-sms-number.
type ChangeSmsNumber struct {
	SmsNumber string `json:"smsNumber"`
}
