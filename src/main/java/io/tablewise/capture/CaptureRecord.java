package io.tablewise.capture;

import java.util.Map;

/**
 * One scored row as the endpoint captured it.
 *
 * @param requestId the id answered to the caller (feedback names it)
 * @param row the row's position in its request, from 0
 * @param time when the request arrived, ISO-8601 UTC
 * @param variant the variant that scored the row
 * @param model the model reference the variant serves (a registry reference or a folder name)
 * @param version the registry version ({@code churn:3}) or the model's content hash for a folder
 * @param shadow true when the shadow variant scored a copy of the row (its answer was not returned)
 * @param latencyMs the request's scoring time in milliseconds
 * @param input the row as sent, by column (numbers as numbers, blanks as null)
 * @param prediction the predicted class, or the predicted number as text
 * @param probabilities per class (classification), else empty
 */
public record CaptureRecord(String requestId, int row, String time, String variant, String model, String version,
                            boolean shadow, double latencyMs, Map<String, Object> input, String prediction,
                            Map<String, Double> probabilities) {
}
