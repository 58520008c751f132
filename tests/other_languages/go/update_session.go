// Updates a masking session through the Go client generated from openapi.yaml.
//
// The compile check (scripts/generate-client --lang go --compile) builds and vets this program
// against the generated client; it is not run. The import path is where the check places the
// client; a real project would use the module path of the generated go.mod instead.
package main

import (
	"context"
	"fmt"
	"os"

	plivomasking "example.com/plivo-masking-contract/go-client"
)

func extendAndRecord(ctx context.Context, api *plivomasking.APIClient, authID, sessionUUID string) (*plivomasking.UpdateSessionResponse, error) {
	body := plivomasking.NewUpdateSessionRequest()
	body.SetSessionExpiry(3600)
	body.SetRecord(true)
	body.SetRecordFileFormat(plivomasking.RECORDFILEFORMAT_WAV)
	body.SetRecordingCallbackUrl("https://www.example.com/recording")
	body.SetRecordingCallbackMethod(plivomasking.HTTPCALLBACKMETHOD_POST)
	updated, httpResponse, err := api.MaskingSessionsAPI.
		UpdateMaskingSession(ctx, authID, sessionUUID).
		UpdateSessionRequest(*body).
		Execute()
	if err != nil {
		if httpResponse != nil {
			return nil, fmt.Errorf("update failed with HTTP %d: %w", httpResponse.StatusCode, err)
		}
		return nil, err
	}
	return updated, nil
}

func main() {
	if len(os.Args) != 5 {
		fmt.Fprintln(os.Stderr, "usage: update_session BASE_URL AUTH_ID AUTH_TOKEN SESSION_UUID")
		os.Exit(2)
	}
	baseURL, authID, authToken, sessionUUID := os.Args[1], os.Args[2], os.Args[3], os.Args[4]
	configuration := plivomasking.NewConfiguration()
	configuration.Servers = plivomasking.ServerConfigurations{{URL: baseURL}}
	api := plivomasking.NewAPIClient(configuration)
	ctx := context.WithValue(context.Background(), plivomasking.ContextBasicAuth,
		plivomasking.BasicAuth{UserName: authID, Password: authToken})

	updated, err := extendAndRecord(ctx, api, authID, sessionUUID)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	session := updated.GetSession()
	fmt.Printf("%s: %s (%s) records %s until %s\n", updated.GetMessage(), session.GetSessionUuid(),
		session.GetStatus(), session.GetRecordFileFormat(), session.GetExpiryTime())
}
