"""Reading Logplex drain bodies and `heroku logs` text into LogLines: octet framing, the syslog and text
headers, logfmt, and the vectorised helpers the batch paths share."""
