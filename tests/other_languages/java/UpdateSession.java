// Updates a masking session through the Java client (library "native") generated from openapi.yaml.
//
// The compile check (scripts/generate-client --lang java --compile) compiles this program with
// javac against the generated client; it is not run.
import com.example.plivomasking.ApiClient;
import com.example.plivomasking.ApiException;
import com.example.plivomasking.api.MaskingSessionsApi;
import com.example.plivomasking.model.HttpCallbackMethod;
import com.example.plivomasking.model.RecordFileFormat;
import com.example.plivomasking.model.Session;
import com.example.plivomasking.model.UpdateSessionRequest;
import com.example.plivomasking.model.UpdateSessionResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

public final class UpdateSession {
    private UpdateSession() {}

    static UpdateSessionResponse extendAndRecord(MaskingSessionsApi api, String authId, String sessionUuid)
            throws ApiException {
        UpdateSessionRequest body = new UpdateSessionRequest()
                .sessionExpiry(3600)
                .record(true)
                .recordFileFormat(RecordFileFormat.WAV)
                .recordingCallbackUrl("https://www.example.com/recording")
                .recordingCallbackMethod(HttpCallbackMethod.POST);
        return api.updateMaskingSession(authId, sessionUuid, body);
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: UpdateSession BASE_URL AUTH_ID AUTH_TOKEN SESSION_UUID");
            System.exit(2);
        }
        URI baseUrl = URI.create(args[0]);
        String authId = args[1];
        String credentials = Base64.getEncoder()
                .encodeToString((authId + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        ApiClient client = new ApiClient()
                .setScheme(baseUrl.getScheme())
                .setHost(baseUrl.getHost())
                .setPort(baseUrl.getPort())
                .setBasePath(baseUrl.getPath())
                .setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        try {
            UpdateSessionResponse updated = extendAndRecord(new MaskingSessionsApi(client), authId, args[3]);
            Session session = updated.getSession();
            System.out.printf("%s: %s (%s) records %s until %s%n", updated.getMessage(), session.getSessionUuid(),
                    session.getStatus(), session.getRecordFileFormat(), session.getExpiryTime());
        } catch (ApiException error) {
            System.err.println("update failed with HTTP " + error.getCode() + ": " + error.getResponseBody());
            System.exit(1);
        }
    }
}
