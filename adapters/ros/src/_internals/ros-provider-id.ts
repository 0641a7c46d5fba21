/** The id of the ROS provider, in handles, refs and errors. */
export const rosProviderId = 'alibaba-ros';
