import AWSRuntime
import Foundation

/// Calls `ForecastClient`, generated into this target by the AWSClientGenerator plugin with codegen.json's
/// settings (internal access, only GetForecast, no validation), against the PluginConsumer fixture's
/// `weather_server.py`.
///
/// Usage: `FilteredCheck PORT`. Prints one line per check and `N passed, M failed`; exits 1 on any failure.
/// That ListCities and its shapes are absent is checked by run-plugin-fixtures.sh in the generated files.
@main
struct FilteredCheck {
    static func main() async {
        guard CommandLine.arguments.count == 2, let port = Int(CommandLine.arguments[1]) else {
            print("usage: FilteredCheck PORT")
            exit(2)
        }
        // The module override names the types: ForecastClient, ForecastError.
        let client = ForecastClient(configuration: ClientConfiguration(
            region: "us-east-1",
            credentialProvider: StaticCredentialProvider(accessKeyId: "AKID", secretAccessKey: "SECRET"),
            endpointURL: "http://127.0.0.1:\(port)",
            maxAttempts: 1,
            attemptTimeout: .seconds(10)))
        var passed = 0
        var failed = 0
        func report(_ name: String, _ ok: Bool, _ detail: @autoclosure () -> String) {
            if ok {
                passed += 1
                print("PASS \(name)")
            } else {
                failed += 1
                print("FAIL \(name): \(detail())")
            }
        }

        do {
            let oslo = try await client.getForecast(city: "Oslo")
            report("GetForecast Oslo: decoded", oslo.city == "Oslo" && oslo.hourlyCelsius?["09:00"] == -3.5
                && oslo.precipitation == .snow(Snowfall(centimetres: 12, powder: true)), "got \(oslo)")
        } catch {
            report("GetForecast Oslo: decoded", false, "threw \(error)")
        }

        do {
            let forecast = try await client.getForecast(city: "Atlantis")
            report("GetForecast Atlantis: typed error", false, "returned \(forecast)")
        } catch let error as ForecastError {
            report("GetForecast Atlantis: typed error", error.code == .cityNotFound
                && error.details == .cityNotFound(CityNotFound(message: "no forecast for Atlantis", city: "Atlantis")),
                "got \(error)")
        } catch {
            report("GetForecast Atlantis: typed error", false, "threw \(type(of: error)): \(error)")
        }

        // "validation": false — an empty city (below the model's @length min 1) is sent, not rejected locally.
        do {
            let forecast = try await client.getForecast(city: "")
            report("validation off: an empty city reaches the server", false, "returned \(forecast)")
        } catch let error as ForecastError {
            report("validation off: an empty city reaches the server", error.code == .cityNotFound, "got \(error)")
        } catch {
            report("validation off: an empty city reaches the server", false, "threw \(type(of: error)): \(error)")
        }

        print("\(passed) passed, \(failed) failed")
        exit(failed == 0 ? 0 : 1)
    }
}
