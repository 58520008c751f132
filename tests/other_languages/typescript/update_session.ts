// Updates a masking session through the typescript-fetch client generated from openapi.yaml.
//
// CI only type-checks this file (tsc --noEmit --strict, see tests/test_other_language_clients.py):
// it proves the generated client exposes updateMaskingSession with the spec's request and
// response types. Generate the client first:  scripts/generate-client --lang typescript-fetch
// The import "plivo-masking-client" is mapped to build/clients/typescript-fetch by tsconfig.json.
import {
    Configuration,
    MaskingSessionsApi,
    ResponseError,
    type UpdateMaskingSessionRequest,
    type UpdateSessionResponse,
} from "plivo-masking-client";

export async function extendAndRecord(
    api: MaskingSessionsApi,
    authId: string,
    sessionUuid: string,
): Promise<UpdateSessionResponse> {
    const request: UpdateMaskingSessionRequest = {
        authId,
        sessionUuid,
        updateSessionRequest: {
            sessionExpiry: 3600,
            record: true,
            recordFileFormat: "wav",
            recordingCallbackUrl: "https://www.example.com/recording",
            recordingCallbackMethod: "POST",
        },
    };
    return api.updateMaskingSession(request);
}

export async function main(baseUrl: string, authId: string, authToken: string, sessionUuid: string): Promise<number> {
    const api = new MaskingSessionsApi(
        new Configuration({ basePath: baseUrl, username: authId, password: authToken }),
    );
    try {
        const updated = await extendAndRecord(api, authId, sessionUuid);
        const session = updated.session;
        const expiry: string = session.expiryTime;
        const format: "mp3" | "wav" = session.recordFileFormat;
        console.log(`${updated.message}: ${session.sessionUuid} (${session.status}) records ${format} until ${expiry}`);
        return 0;
    } catch (error: unknown) {
        if (error instanceof ResponseError) {
            console.error(`update failed with HTTP ${error.response.status}`);
            return 1;
        }
        throw error;
    }
}
