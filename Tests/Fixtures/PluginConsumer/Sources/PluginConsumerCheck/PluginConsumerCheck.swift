import AWSRuntime
import Foundation

/// Calls `WeatherClient`, generated into this target by the AWSClientGenerator plugin from weather.json, against
/// `weather_server.py`, and checks what it decodes.
///
/// Usage: `PluginConsumerCheck PORT`. Prints one line per check and `N passed, M failed`; exits 1 on any
/// failure.
@main
struct PluginConsumerCheck {
    static func main() async {
        guard CommandLine.arguments.count == 2, let port = Int(CommandLine.arguments[1]) else {
            print("usage: PluginConsumerCheck PORT")
            exit(2)
        }
        let client = WeatherClient(configuration: ClientConfiguration(
            region: "us-east-1",
            credentialProvider: StaticCredentialProvider(accessKeyId: "AKID", secretAccessKey: "SECRET"),
            endpointURL: "http://127.0.0.1:\(port)",
            maxAttempts: 1,
            attemptTimeout: .seconds(10)))
        var results = CheckResults()

        // A structure with a timestamp, a map and a union (structure member) decoded from the server's JSON.
        do {
            let oslo = try await client.getForecast(city: "Oslo")
            results.expect("GetForecast Oslo: city", oslo.city, "Oslo")
            results.expect("GetForecast Oslo: epoch-seconds timestamp", oslo.issuedAt, Date(timeIntervalSince1970: 1_735_725_600))
            results.expect("GetForecast Oslo: map", oslo.hourlyCelsius, ["09:00": -3.5, "12:00": -1.0])
            results.expect("GetForecast Oslo: union (structure member)", oslo.precipitation, .snow(Snowfall(centimetres: 12, powder: true)))
        } catch {
            results.fail("GetForecast Oslo", "threw \(error)")
        }

        // The other union member kind, a fractional timestamp and an empty map.
        do {
            let bergen = try await client.getForecast(GetForecastInput(city: "Bergen"))
            results.expect("GetForecast Bergen: fractional timestamp", bergen.issuedAt, Date(timeIntervalSince1970: 1_735_725_600.5))
            results.expect("GetForecast Bergen: empty map", bergen.hourlyCelsius, [:])
            results.expect("GetForecast Bergen: union (double member)", bergen.precipitation, .rainMillimetres(7.25))
        } catch {
            results.fail("GetForecast Bergen", "threw \(error)")
        }

        // The modelled error, typed, with its members.
        do {
            let forecast = try await client.getForecast(city: "Atlantis")
            results.fail("GetForecast Atlantis: typed error", "returned \(forecast) instead of throwing")
        } catch let error as WeatherError {
            results.expect("GetForecast Atlantis: error code", error.code, .cityNotFound)
            results.expect("GetForecast Atlantis: HTTP status", error.context.statusCode, 400)
            results.expect("GetForecast Atlantis: client fault", error.fault, .client)
            results.expect(
                "GetForecast Atlantis: error members", error.details,
                .cityNotFound(CityNotFound(message: "no forecast for Atlantis", city: "Atlantis")))
        } catch {
            results.fail("GetForecast Atlantis: typed error", "threw \(type(of: error)): \(error)")
        }

        // Client-side validation from the model's @length runs before anything is sent.
        do {
            _ = try await client.getForecast(city: "")
            results.fail("GetForecast with an empty city: validation", "did not throw")
        } catch is WeatherError {
            results.fail("GetForecast with an empty city: validation", "reached the server")
        } catch {
            results.pass("GetForecast with an empty city: validation (\(type(of: error)))")
        }

        // The paginator: pages follow the tokens, items flatten them in order.
        do {
            var tokens: [String?] = []
            for try await page in client.listCitiesPaginator(ListCitiesInput(maxResults: 2)) {
                tokens.append(page.nextToken)
            }
            results.expect("ListCities paginator: page tokens", tokens, ["page-2", "page-4", nil])
            var names: [String] = []
            for try await city in client.listCitiesPaginator(ListCitiesInput(maxResults: 2)).items {
                names.append(city.name)
            }
            results.expect("ListCities paginator: items across pages", names, ["Bergen", "Lisbon", "Oslo", "Quito", "Tromsø"])
            var first: [String] = []
            for try await city in client.listCitiesPaginator(ListCitiesInput(maxResults: 3)).items {
                first.append(city.name)
                if first.count == 1 { break }
            }
            results.expect("ListCities paginator: stops when the caller stops", first, ["Bergen"])
        } catch {
            results.fail("ListCities paginator", "threw \(error)")
        }

        print("\(results.passed) passed, \(results.failed) failed")
        exit(results.failed == 0 ? 0 : 1)
    }
}

/// Counts and prints check outcomes.
struct CheckResults {
    var passed = 0
    var failed = 0

    mutating func pass(_ name: String) {
        passed += 1
        print("PASS \(name)")
    }

    mutating func fail(_ name: String, _ detail: String) {
        failed += 1
        print("FAIL \(name): \(detail)")
    }

    mutating func expect<Value: Equatable>(_ name: String, _ actual: Value, _ expected: Value) {
        if actual == expected {
            pass(name)
        } else {
            fail(name, "expected \(expected), got \(actual)")
        }
    }
}
