# Reference for EtsTest: R's forecast::ets on monthly car sales with the last 12 months held out.
# Run: Rscript car_sales_ets.R ../shared/data/monthly-car-sales.csv   (Debian: apt-get install r-cran-forecast)
# Prints the chosen model, its MASE on the held-out year (scaled by the in-sample seasonal naive MAE, lag 12) and the
# seasonal naive's MASE, and the Theta method's forecasts (thetaf); the output is copied into car_sales_ets.expected.
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
y <- ts(d$Sales, frequency = 12)
n <- length(y)
train <- ts(d$Sales[1:(n - 12)], frequency = 12)
test <- d$Sales[(n - 11):n]
scale <- mean(abs(diff(as.numeric(train), lag = 12)))
fit <- ets(train)
f <- forecast(fit, h = 12)$mean
cat(sprintf("model %s\n", fit$method))
cat(sprintf("mase %.6f\n", mean(abs(test - f)) / scale))
sn <- snaive(train, h = 12)$mean
cat(sprintf("naive %.6f\n", mean(abs(test - sn)) / scale))
th <- thetaf(train, h = 12)$mean
cat(sprintf("theta %s\n", paste(sprintf("%.4f", as.numeric(th)), collapse = " ")))
